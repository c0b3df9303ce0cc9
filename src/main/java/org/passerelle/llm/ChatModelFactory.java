package org.passerelle.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.passerelle.config.InvalidConfigurationException;
import org.passerelle.config.PasserelleProperties;

/** Builds the LangChain4j chat model the configuration asks for. */
public final class ChatModelFactory {

	private ChatModelFactory() {
	}

	public static ChatModel create(PasserelleProperties.Llm llm) {
		return create(llm, RetryHintingHttpClient.builder());
	}

	/** The same model over another HTTP client: one that answers from a batch, or one that only captures requests. */
	static ChatModel create(PasserelleProperties.Llm llm, dev.langchain4j.http.client.HttpClientBuilder http) {
		return switch (llm.providerKind()) {
			case OLLAMA -> OllamaChatModel.builder()
				.baseUrl(llm.effectiveBaseUrl())
				.modelName(llm.effectiveModel())
				.temperature(llm.temperature())
				// Ollama's own default window is small and it silently drops the start of a longer prompt
				.numCtx(llm.contextTokens())
				.timeout(llm.timeout())
				.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
				.httpClientBuilder(http)
				.maxRetries(0) // the step retries, honouring Retry-After
				.listeners(java.util.List.of(ProviderResponses.LISTENER))
				.build();
			case OPENAI -> OpenAiChatModel.builder()
				.baseUrl(llm.effectiveBaseUrl())
				.apiKey(requireKey(llm, "OPENAI_API_KEY", "an OpenAI-compatible server without keys accepts any value"))
				.modelName(llm.effectiveModel())
				.temperature(llm.temperature())
				.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
				.strictJsonSchema(true)
				.timeout(llm.timeout())
				.httpClientBuilder(http)
				.maxRetries(0) // the step retries, honouring Retry-After
				.listeners(java.util.List.of(ProviderResponses.LISTENER))
				.build();
			case ANTHROPIC -> AnthropicChatModel.builder()
				.baseUrl(llm.effectiveBaseUrl())
				.apiKey(requireKey(llm, "ANTHROPIC_API_KEY", null))
				.modelName(llm.effectiveModel())
				.temperature(llm.temperature())
				// Anthropic requires a ceiling; LangChain4j's default (1024) would cut long translations short
				.maxTokens(llm.maxOutputTokens())
				.timeout(llm.timeout())
				.httpClientBuilder(http)
				.maxRetries(0) // the step retries, honouring Retry-After
				.listeners(java.util.List.of(ProviderResponses.LISTENER))
				.build();
		};
	}

	static String requireKey(PasserelleProperties.Llm llm, String providerVariable, String hint) {
		String key = llm.effectiveApiKey();
		if (key == null) {
			throw new InvalidConfigurationException("provider " + llm.provider() + " needs an API key: set "
					+ "PASSERELLE_LLM_API_KEY or " + providerVariable + (hint == null ? "" : " (" + hint + ")"));
		}
		return key;
	}

}
