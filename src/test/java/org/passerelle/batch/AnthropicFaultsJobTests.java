package org.passerelle.batch;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.FakeLlmServer.Api;
import org.passerelle.testing.FakeProviderExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProviderFaultsJobTests} over Anthropic's Messages API, failing as that provider fails. */
class AnthropicFaultsJobTests extends ProviderFaultsJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = provider(Api.ANTHROPIC);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

}
