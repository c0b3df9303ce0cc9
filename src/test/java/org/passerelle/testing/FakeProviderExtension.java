package org.passerelle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Spring job test's fake provider: starts a {@link FakeLlmServer} speaking one provider's API, gives
 * the context a fresh work directory and the settings that point it there (quick retries), and before
 * each test empties the article ledger and resets the fake. Declare it once, static, and hand it the
 * registry:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FakeProviderExtension provider = FakeProviderExtension.openAi().with("passerelle.chunk-size", "2");
 *
 * static final FakeLlmServer fake = provider.fake();
 *
 * &#64;DynamicPropertySource
 * static void settings(DynamicPropertyRegistry registry) {
 *     provider.register(registry);
 * }
 * </pre>
 *
 * Test and lifecycle methods may take the {@link FakeLlmServer} and its {@link FakeLlmServer.Api} as
 * parameters. The database is whatever the context is configured with: the extension only deletes rows.
 */
public final class FakeProviderExtension implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private final FakeLlmServer.Api api;

	private final Map<String, String> settings = new LinkedHashMap<>();

	private FakeLlmServer fake;

	private Path workDir;

	private FakeProviderExtension(FakeLlmServer.Api api) {
		this.api = api;
		try {
			// at once, so that a test class can keep it in a field of its own
			this.fake = FakeLlmServer.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static FakeProviderExtension openAi() {
		return speaking(FakeLlmServer.Api.OPENAI);
	}

	/** The fake answers the job over this provider's API, with that provider's client on the job's side. */
	public static FakeProviderExtension speaking(FakeLlmServer.Api api) {
		return new FakeProviderExtension(api);
	}

	/** One more setting for the context, over the defaults below. */
	public FakeProviderExtension with(String property, String value) {
		settings.put(property, value);
		return this;
	}

	/** Starts the fake and registers the work directory, the provider and its settings. */
	public synchronized void register(DynamicPropertyRegistry registry) {
		if (workDir == null) {
			try {
				workDir = Files.createTempDirectory("passerelle-job");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		Map<String, String> all = new LinkedHashMap<>();
		all.put("passerelle.work-dir", workDir.toString());
		all.put("passerelle.llm.provider", api.name().toLowerCase(java.util.Locale.ROOT));
		// Anthropic's client adds /messages, OpenAI's /chat/completions, Ollama's /api/chat
		all.put("passerelle.llm.base-url", api == FakeLlmServer.Api.OLLAMA ? fake.baseUrl() : fake.openAiBaseUrl());
		all.put("passerelle.llm.model", FakeLlmServer.MODEL);
		all.put("passerelle.llm.api-key", "sk-test");
		all.put("passerelle.llm.retry.max-retries", "2");
		all.put("passerelle.llm.retry.backoff", "10ms");
		all.put("passerelle.llm.retry.max-backoff", "50ms");
		all.putAll(settings);
		all.forEach((name, value) -> registry.add(name, () -> value));
		TestDatabase.register(registry);
	}

	public FakeLlmServer fake() {
		return fake;
	}

	public FakeLlmServer.Api api() {
		return api;
	}

	/** The context's work directory (the database, the journals); there once the context has registered it. */
	public Path workDir() {
		if (workDir == null) {
			throw new IllegalStateException("the work directory is made in register(registry), from the test's @DynamicPropertySource");
		}
		return workDir;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws InterruptedException {
		ApplicationContext spring = SpringExtension.getApplicationContext(context);
		// a run that stopped early may leave articles of its chunk on their worker threads: the test before
		// this one is over only when they are, or their late calls would land in this test
		for (ThreadPoolTaskExecutor executor : spring.getBeansOfType(ThreadPoolTaskExecutor.class).values()) {
			Await.until("the previous test's articles to finish on their worker threads",
					() -> executor.getActiveCount() == 0 && executor.getThreadPoolExecutor().getQueue().isEmpty());
		}
		JdbcClient.create(spring.getBean(DataSource.class)).sql("DELETE FROM PASSERELLE_ARTICLE").update();
		MemoryTables.empty(spring.getBean(DataSource.class));
		fake.reset().forgetRequests();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws IOException {
		try {
			fake.close();
		}
		finally {
			if (workDir != null) {
				try (Stream<Path> files = Files.walk(workDir)) {
					for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(file);
					}
				}
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == FakeLlmServer.class || type == FakeLlmServer.Api.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == FakeLlmServer.class ? fake() : api;
	}

}
