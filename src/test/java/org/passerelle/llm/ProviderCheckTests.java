package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderCheckTests {

	private FakeLlmServer fake;

	private final List<String> warnings = new ArrayList<>();

	@BeforeEach
	void startFake() throws Exception {
		fake = FakeLlmServer.start();
	}

	@AfterEach
	void stopFake() {
		fake.close();
	}

	@Test
	void ollamaWithThePulledModelPasses() {
		assertThatCode(() -> ProviderCheck.verify(TestArticles.llm("ollama", fake.baseUrl(), null), warnings::add))
			.doesNotThrowAnyException();
	}

	@Test
	void ollamaWithoutTheModelSaysWhatToPull() {
		PasserelleProperties.Llm llm = new PasserelleProperties.Llm("ollama", fake.baseUrl(), "mistral-nemo", null, null,
				null, java.time.Duration.ofSeconds(5), 0.2, 8192, 8192, 4, null, null, TestArticles.NO_PRICES, TestArticles.FAST_RETRY);

		assertThatThrownBy(() -> ProviderCheck.verify(llm, warnings::add)).isInstanceOf(ProviderSetupException.class)
			.hasMessageContaining("ollama pull mistral-nemo");
	}

	@Test
	void unreachableProviderSaysHowToStartIt() {
		String closedPort = fake.baseUrl();
		fake.close();

		assertThatThrownBy(() -> ProviderCheck.verify(TestArticles.llm("ollama", closedPort, null), warnings::add))
			.isInstanceOf(ProviderSetupException.class)
			.hasMessageContaining("cannot reach Ollama")
			.hasMessageContaining("ollama serve")
			.hasMessageContaining("PASSERELLE_LLM_PROVIDER");
	}

	@Test
	void openAiKeyRefusedNamesTheSetting() {
		fake.failWith(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}");

		assertThatThrownBy(() -> ProviderCheck.verify(TestArticles.llm("openai", fake.openAiBaseUrl(), "bad"), warnings::add))
			.isInstanceOf(ProviderSetupException.class)
			.hasMessageContaining("refused the API key")
			.hasMessageContaining("PASSERELLE_LLM_API_KEY");
	}

	@Test
	void openAiCompatibleServerNotListingTheModelOnlyWarns() {
		PasserelleProperties.Llm llm = new PasserelleProperties.Llm("openai", fake.openAiBaseUrl(), "other-model", "k",
				null, null, java.time.Duration.ofSeconds(5), 0.2, 8192, 8192, 4, null, null, TestArticles.NO_PRICES, TestArticles.FAST_RETRY);

		assertThatCode(() -> ProviderCheck.verify(llm, warnings::add)).doesNotThrowAnyException();
		assertThat(warnings).singleElement().asString().contains("does not list the model 'other-model'");
	}

	@Test
	void openAiWithoutAnyKeyIsAConfigurationError() {
		assertThatThrownBy(() -> ProviderCheck.verify(TestArticles.llm("openai", fake.openAiBaseUrl(), null), warnings::add))
			.hasMessageContaining("needs an API key");
	}

	@Test
	void anthropicListingTheModelPasses() {
		assertThatCode(() -> ProviderCheck.verify(TestArticles.llm("anthropic", fake.openAiBaseUrl(), "sk-ant-test"), warnings::add))
			.doesNotThrowAnyException();
		assertThat(warnings).isEmpty();
		assertThat(fake.requests()).anySatisfy(request -> assertThat(request.path()).isEqualTo("/v1/models"));
	}

	@Test
	void anthropicNotListingTheModelOnlyWarns() {
		PasserelleProperties.Llm llm = new PasserelleProperties.Llm("anthropic", fake.openAiBaseUrl(), "claude-other", "sk-ant-test",
				null, null, java.time.Duration.ofSeconds(5), 0.2, 8192, 8192, 4, null, null, TestArticles.NO_PRICES, TestArticles.FAST_RETRY);

		assertThatCode(() -> ProviderCheck.verify(llm, warnings::add)).doesNotThrowAnyException();
		assertThat(warnings).singleElement().asString().contains("does not list the model 'claude-other'");
	}

	@Test
	void anthropicKeyRefusedNamesTheSettingWithoutShowingTheKey() {
		fake.failWith(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");

		assertThatThrownBy(() -> ProviderCheck.verify(TestArticles.llm("anthropic", fake.openAiBaseUrl(), "sk-ant-secret-99"),
				warnings::add))
			.isInstanceOf(ProviderSetupException.class)
			.hasMessageContaining("refused the API key")
			.hasMessageContaining("PASSERELLE_LLM_API_KEY")
			.hasMessageNotContaining("sk-ant-secret-99");
	}

	@Test
	void anthropicWithoutAnyKeyIsAConfigurationError() {
		assertThatThrownBy(() -> ProviderCheck.verify(TestArticles.llm("anthropic", fake.openAiBaseUrl(), null), warnings::add))
			.hasMessageContaining("needs an API key").hasMessageContaining("ANTHROPIC_API_KEY");
	}

}
