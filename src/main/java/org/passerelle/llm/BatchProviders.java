package org.passerelle.llm;

import org.passerelle.config.InvalidConfigurationException;
import org.passerelle.config.PasserelleProperties;

/** The batch API of the configured provider. */
public final class BatchProviders {

	private BatchProviders() {
	}

	public static ProviderBatches of(PasserelleProperties.Llm llm) {
		return switch (llm.providerKind()) {
			case OPENAI -> new OpenAiBatches(llm.effectiveBaseUrl(),
					ChatModelFactory.requireKey(llm, "OPENAI_API_KEY", null), llm.timeout());
			case ANTHROPIC -> new AnthropicBatches(llm.effectiveBaseUrl(),
					ChatModelFactory.requireKey(llm, "ANTHROPIC_API_KEY", null), llm.timeout());
			case OLLAMA -> throw new InvalidConfigurationException(
					"batch mode needs a provider with a batch API (PASSERELLE_LLM_PROVIDER=openai or anthropic); "
							+ "Ollama answers live only");
		};
	}

}
