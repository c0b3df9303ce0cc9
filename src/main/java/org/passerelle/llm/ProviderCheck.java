package org.passerelle.llm;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.anthropic.AnthropicModelCatalog;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import org.passerelle.config.PasserelleProperties;

/**
 * Asks the provider, before a run starts, whether it is there and knows the model, so that a night's
 * run does not fail article by article for a reason that one sentence at start-up can explain.
 */
public final class ProviderCheck {

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);

	private ProviderCheck() {
	}

	/**
	 * @param warnings receives what is odd but not fatal (an OpenAI-compatible server that does not list
	 * the model may still serve it under another name)
	 * @throws ProviderSetupException when the provider cannot be used
	 */
	public static void verify(PasserelleProperties.Llm llm, Consumer<String> warnings) {
		switch (llm.providerKind()) {
			case OLLAMA -> verifyOllama(llm);
			case OPENAI -> verifyListed(llm, listOpenAi(llm), warnings);
			case ANTHROPIC -> verifyListed(llm, listAnthropic(llm), warnings);
		}
	}

	private static void verifyOllama(PasserelleProperties.Llm llm) {
		String url = llm.effectiveBaseUrl();
		String model = llm.effectiveModel();
		List<OllamaModel> models;
		try {
			models = OllamaModels.builder().baseUrl(url).timeout(CHECK_TIMEOUT).maxRetries(0).build()
				.availableModels().content();
		}
		catch (RuntimeException ex) {
			throw new ProviderSetupException("cannot reach Ollama at " + url + " (" + ErrorDescriptions.describe(ex, null)
					+ "). Start it (ollama serve) and pull the model (ollama pull " + model
					+ "), or choose another provider with PASSERELLE_LLM_PROVIDER and PASSERELLE_LLM_BASE_URL.", ex);
		}
		boolean present = models.stream().map(OllamaModel::getName)
			.anyMatch(name -> name.equals(model) || name.equals(model + ":latest"));
		if (!present) {
			throw new ProviderSetupException("Ollama at " + url + " does not have the model '" + model
					+ "'. Pull it with: ollama pull " + model + " (or set PASSERELLE_LLM_MODEL to one of: "
					+ String.join(", ", models.stream().map(OllamaModel::getName).toList()) + ")", null);
		}
	}

	private static List<String> listOpenAi(PasserelleProperties.Llm llm) {
		String key = ChatModelFactory.requireKey(llm, "OPENAI_API_KEY", "an OpenAI-compatible server without keys accepts any value");
		return listModels(llm, () -> OpenAiModelCatalog.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key)
			.connectTimeout(CHECK_TIMEOUT).readTimeout(CHECK_TIMEOUT).build().listModels());
	}

	private static List<String> listAnthropic(PasserelleProperties.Llm llm) {
		String key = ChatModelFactory.requireKey(llm, "ANTHROPIC_API_KEY", null);
		return listModels(llm, () -> AnthropicModelCatalog.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key)
			.timeout(CHECK_TIMEOUT).build().listModels());
	}

	private static List<String> listModels(PasserelleProperties.Llm llm,
			Supplier<List<ModelDescription>> catalog) {
		try {
			return catalog.get().stream().map(ModelDescription::name).toList();
		}
		catch (AuthenticationException ex) {
			throw keyRefused(llm, ex);
		}
		catch (HttpException ex) {
			// the model catalogs report HTTP errors as they are, unlike the chat clients
			if (ex.statusCode() == 401 || ex.statusCode() == 403) {
				throw keyRefused(llm, ex);
			}
			if (ex.statusCode() == 404) {
				return List.of(); // a server without a model listing can still translate
			}
			throw unreachable(llm, ex);
		}
		catch (RuntimeException ex) {
			throw unreachable(llm, ex);
		}
	}

	private static ProviderSetupException keyRefused(PasserelleProperties.Llm llm, RuntimeException ex) {
		return new ProviderSetupException(llm.provider() + " at " + llm.effectiveBaseUrl() + " refused the API key ("
				+ ErrorDescriptions.describe(ex, llm.effectiveApiKey()) + "). Set PASSERELLE_LLM_API_KEY to a valid key.", ex);
	}

	private static ProviderSetupException unreachable(PasserelleProperties.Llm llm, RuntimeException ex) {
		return new ProviderSetupException("cannot reach " + llm.provider() + " at " + llm.effectiveBaseUrl() + " ("
				+ ErrorDescriptions.describe(ex, llm.effectiveApiKey())
				+ "). Check PASSERELLE_LLM_BASE_URL and that the server is running.", ex);
	}

	private static void verifyListed(PasserelleProperties.Llm llm, List<String> models, Consumer<String> warnings) {
		if (!models.isEmpty() && !models.contains(llm.effectiveModel())) {
			warnings.accept(llm.provider() + " at " + llm.effectiveBaseUrl() + " does not list the model '"
					+ llm.effectiveModel() + "' (it lists " + String.join(", ", models.stream().limit(10).toList())
					+ "); trying it anyway. Set PASSERELLE_LLM_MODEL if requests fail.");
		}
	}

}
