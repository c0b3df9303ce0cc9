package org.passerelle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.Await;
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
		org.passerelle.testing.MemoryTables.empty(dataSource);
		fake.reset().forgetRequests();
		for (int i = 1; i <= 8; i++) {
			TestArticles.write(input.resolve("a" + i + ".txt"), title(i) + "\n\nLe conseil municipal s'est réuni " + i
					+ " fois cette année pour examiner le dossier.\n");
		}
	}

	@Test
	void callsRunConcurrentlyUpToTheConfiguredLimitAndNoFurther() throws Exception {
		// no answer until the job can send nothing more: then the calls held are all it sends at once
		fake.hold();
		CompletableFuture<RunSummary> run = runInBackground(request());
		Await.until("the chunk's eight articles in a call or queued for a busy worker", this::nothingOnItsWay,
				() -> fake.held() + " calls held, " + articleTaskExecutor.getQueueSize() + " articles queued, "
						+ articleTaskExecutor.getActiveCount() + " workers busy");

		assertThat(fake.held()).as("calls in flight while the rest wait").isEqualTo(3);
		fake.release();
		assertThat(run.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS).written()).isEqualTo(8);
		assertThat(fake.mostInFlight()).isEqualTo(3);
	}

	@Test
	void aChunkThatFailsPartWayThenARestartLosesAndDuplicatesNothing() throws Exception {
		// five answers, then the provider goes down in the middle of the chunk: once the five are on disk,
		// and the other three articles' calls are out, every call fails
		fake.holdAfter(5);
		CompletableFuture<RunSummary> run = runInBackground(request());
		Await.until("five translations on disk", () -> translationsOnDisk() == 5);
		fake.awaitHeld(3);
		fake.failWith(503, OVERLOADED).release();

		RunSummary first = run.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS);
		Await.until("the chunk's other articles to finish on their worker threads", () -> articleTaskExecutor.getActiveCount() == 0
				&& articleTaskExecutor.getThreadPoolExecutor().getQueue().isEmpty());

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

	private CompletableFuture<RunSummary> runInBackground(RunRequest request) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return runs.run(request);
			}
			catch (Exception ex) {
				throw new CompletionException(ex);
			}
		});
	}

	/**
	 * Every article of the chunk is in a call the fake provider holds or queued, every busy worker is in
	 * a held call, and none is idle while articles are queued: no call is on its way.
	 */
	private boolean nothingOnItsWay() {
		int held = fake.held();
		int queued = articleTaskExecutor.getQueueSize();
		int busy = articleTaskExecutor.getActiveCount();
		return held + queued == 8 && held == busy && (queued == 0 || busy == articleTaskExecutor.getMaxPoolSize());
	}

	/** Articles whose three files are all written (the metadata goes last). */
	private long translationsOnDisk() {
		try (Stream<Path> files = Files.list(output)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".meta.json") && !name.startsWith("."))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String title(int i) {
		return "Conseil municipal, séance numéro " + i;
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
