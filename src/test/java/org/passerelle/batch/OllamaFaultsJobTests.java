package org.passerelle.batch;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.FakeLlmServer.Api;
import org.passerelle.testing.FakeProviderExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProviderFaultsJobTests} over Ollama's chat API, failing as that provider fails. */
class OllamaFaultsJobTests extends ProviderFaultsJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = provider(Api.OLLAMA);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

}
