package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderSettings;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles of a chunk translated concurrently (three calls in flight, chunks of eight): the limit holds,
 * and a chunk that fails part-way, then a restart, loses nothing and pays for nothing twice.
 */
@SpringBootTest
class ConcurrentRunJobTests {

	private static final String OVERLOADED = "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_is_overloaded\"}}";

	@TempDir
	static Path workDir;

	static FakeLlmServer fake;

	@Autowired
	TranslationRuns runs;

	@Autowired
	DataSource dataSource;

	@Autowired
	ThreadPoolTaskExecutor articleTaskExecutor;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		fake = FakeLlmServer.start();
		FakeProviderSettings.register(registry, workDir, fake);
		registry.add("passerelle.llm.concurrency", () -> "3");
		registry.add("passerelle.chunk-size", () -> "8");
		registry.add("passerelle.llm.retry.failures-before-stop", () -> "2");
	}

	@AfterAll
	static void stopFake() {
		fake.close();
	}

	@BeforeEach
	void eightArticles() throws IOException {
		JdbcClient.create(dataSource).sql("DELETE FROM PASSERELLE_ARTICLE").update();
		fake.reset().forgetRequests();
		for (int i = 1; i <= 8; i++) {
			TestArticles.write(input.resolve("a" + i + ".txt"), title(i) + "\n\nLe conseil municipal s'est réuni " + i
					+ " fois cette année pour examiner le dossier.\n");
		}
	}

	@Test
	void callsRunConcurrentlyUpToTheConfiguredLimitAndNoFurther() throws Exception {
		fake.latency(Duration.ofMillis(300));

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(8);
		assertThat(fake.mostInFlight()).isEqualTo(3);
	}

	@Test
	void aChunkThatFailsPartWayThenARestartLosesAndDuplicatesNothing() throws Exception {
		fake.latency(Duration.ofMillis(50));
		// five answers, then the provider goes down in the middle of the chunk
		fake.failAfter(5, 503, OVERLOADED);

		RunSummary first = runs.run(request());
		waitForArticlesInProgress();

		assertThat(first.status()).as("articles failing in a row: the provider is down").isEqualTo("FAILED");
		assertThat(ledgerRows()).as("the chunk rolled back as a whole").isZero();

		fake.reset();
		RunSummary restarted = runs.restart(null).orElseThrow();

		assertThat(restarted.status()).isEqualTo("COMPLETED");
		Map<String, Integer> expected = new TreeMap<>();
		for (int i = 1; i <= 8; i++) {
			assertThat(output.resolve("a" + i + ".en.md")).exists();
			expected.put(title(i), 1);
		}
		assertThat(fake.answeredTitles()).as("every article paid for exactly once").isEqualTo(expected);
		try (Stream<Path> files = Files.list(output)) {
			assertThat(files.filter(file -> !file.getFileName().toString().startsWith(".")).count()).isEqualTo(8 * 3);
		}
		assertThat(ledgerRows()).isEqualTo(8);
	}

	private static String title(int i) {
		return "Conseil municipal, séance numéro " + i;
	}

	/** A failed chunk's other articles may still be finishing on worker threads when the run returns. */
	private void waitForArticlesInProgress() throws InterruptedException {
		for (int i = 0; i < 100 && articleTaskExecutor.getActiveCount() > 0; i++) {
			Thread.sleep(50);
		}
	}

	private long ledgerRows() {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE STATUS = ?")
			.param(ArticleLedger.SUCCEEDED)
			.query(Long.class)
			.single();
	}

	private RunRequest request() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), false);
	}

}
