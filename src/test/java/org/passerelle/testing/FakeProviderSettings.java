package org.passerelle.testing;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings that point a Spring test context at a fake provider, with quick retries, and at the test database. */
public final class FakeProviderSettings {

	private FakeProviderSettings() {
	}

	public static void register(DynamicPropertyRegistry registry, Path workDir, FakeLlmServer fake) {
		registry.add("passerelle.work-dir", workDir::toString);
		registry.add("passerelle.llm.provider", () -> "openai");
		registry.add("passerelle.llm.base-url", fake::openAiBaseUrl);
		registry.add("passerelle.llm.model", () -> FakeLlmServer.MODEL);
		registry.add("passerelle.llm.api-key", () -> "sk-test");
		registry.add("passerelle.llm.retry.max-retries", () -> "2");
		registry.add("passerelle.llm.retry.backoff", () -> "10ms");
		registry.add("passerelle.llm.retry.max-backoff", () -> "50ms");
		TestDatabase.register(registry);
	}

}
