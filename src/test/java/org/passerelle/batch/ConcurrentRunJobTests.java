package org.passerelle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.ProviderLimits;
import org.passerelle.testing.Await;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
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

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.llm.concurrency", "3")
		.with("passerelle.chunk-size", "8")
		.with("passerelle.llm.retry.failures-before-stop", "2");

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	private static final String OVERLOADED = "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_is_overloaded\"}}";

	@Autowired
	TranslationRuns runs;

	@Autowired
	DataSource dataSource;

	@Autowired
	ThreadPoolTaskExecutor articleTaskExecutor;

	@Autowired
	ProviderLimits providerLimits;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@BeforeEach
	void eightArticles() throws IOException {
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
	void aRateLimitWhileSeveralCallsAreInFlightHoldsBackEveryNextCallNotJustTheRefusedOne() throws Exception {
		// three calls held; the first to be let go gets a 429 asking for a second; once the job has taken
		// note, the other two are answered, and their workers go on to the next articles: those calls,
		// like the refused call's retry, must wait out the pause
		fake.hold();
		CompletableFuture<RunSummary> run = runInBackground(request());
		fake.awaitHeld(3);
		long refusedAt = System.nanoTime();
		fake.thenReply(FakeLlmServer.Reply.tooManyRequests("retry-after", "1")).releaseOne();
		Await.until("the job to note the provider's pause", providerLimits::isPaused);
		fake.release();
		RunSummary finished = run.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS);

		List<FakeLlmServer.Recorded> calls = fake.chatRequests();
		assertThat(calls).hasSize(8 + 1);
		assertThat(calls.subList(3, calls.size())).as("every call after the three in flight, the retry and the next articles")
			.allSatisfy(call -> assertThat(Duration.ofNanos(call.receivedNanos() - refusedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
		assertThat(finished.written()).isEqualTo(8);
		assertThat(finished.failed()).isZero();
		assertThat(finished.retries()).isEqualTo(1);
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
