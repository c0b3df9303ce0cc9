package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed or stopped half way, then finished with one command: nothing lost, and no request sent
 * again for work that was committed. Chunks of two articles, twelve articles, a provider taking 300 ms.
 */
class CrashAndRerunJarTests {

	private static final int ARTICLES = 12;

	private static final int CHUNK = 2;

	private static final int CONCURRENCY = 2;

	@TempDir
	Path home;

	private FakeLlmServer fake;

	private JarProcess passerelle;

	@BeforeEach
	void setUp() throws IOException {
		fake = FakeLlmServer.start();
		for (int i = 1; i <= ARTICLES; i++) {
			TestArticles.write(home.resolve(String.format("input/article-%02d.txt", i)),
					"Dépêche numéro " + i + "\n\nPremier paragraphe de la dépêche " + i + ".\n\nDeuxième paragraphe.\n");
		}
		passerelle = JarProcess.against(fake, home, "sk-test")
			.env("PASSERELLE_CHUNK_SIZE", Integer.toString(CHUNK))
			.env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(CONCURRENCY));
	}

	@AfterEach
	void tearDown() {
		fake.close();
	}

	@Test
	void killedRunIsFinishedByRestartRepeatingAtMostTheCallsInFlight() throws Exception {
		fake.latency(Duration.ofMillis(300));
		JarProcess.Running run = passerelle.start("run");
		waitForRequests(5);

		run.process().destroyForcibly(); // SIGKILL: no hook, no clean shutdown
		run.process().waitFor();
		fake.latency(Duration.ZERO);

		JarProcess.Result restart = passerelle.run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(restart.all()).contains("left running by a process that ended abruptly");
		assertEveryArticleWrittenOnce();
		Map<String, Long> requestsPerArticle = requestsPerArticle();
		assertThat(requestsPerArticle).hasSize(ARTICLES);
		// answers already in were written to disk at once: only the calls the kill interrupted are sent again
		long repeated = requestsPerArticle.values().stream().filter(count -> count > 1).count();
		assertThat(repeated).as("articles sent twice").isLessThanOrEqualTo(CONCURRENCY);
		assertThat(fake.chatRequests()).hasSizeLessThanOrEqualTo(ARTICLES + CONCURRENCY);
		JarProcess.Result status = passerelle.run("status");
		assertThat(status.stdout()).contains("FAILED").contains("COMPLETED");
	}

	@Test
	void terminatedRunStopsCleanlyAndRestartSendsNothingTwice() throws Exception {
		fake.latency(Duration.ofMillis(300));
		JarProcess.Running run = passerelle.start("run");
		waitForRequests(3);

		run.process().destroy(); // SIGTERM
		JarProcess.Result stopped = run.await(Duration.ofMinutes(1));

		assertThat(stopped.exitCode()).isNotZero();
		assertThat(stopped.stderr()).contains("stopping at the end of the current chunk");
		assertThat(stopped.stdout()).contains("STOPPED");
		assertThat(passerelle.run("status").stdout()).contains("STOPPED");
		fake.latency(Duration.ZERO);

		JarProcess.Result restart = passerelle.run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertEveryArticleWrittenOnce();
		assertThat(requestsPerArticle()).hasSize(ARTICLES).allSatisfy((article, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void failuresExplainsAndRetryFailedSendsOnlyTheFailedArticles() throws Exception {
		fake.answer(article -> article.get("title").asString().endsWith(" 7")
				? Map.of("title", "", "paragraphs", List.of(), "summary", "")
				: FakeLlmServer.translate(article));
		Files.write(home.resolve("input/empty.txt"), new byte[0]);

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SOME_ARTICLES_FAILED);
		JarProcess.Result failures = passerelle.run("failures");
		assertThat(failures.exitCode()).isEqualTo(ExitCodes.OK);
		assertThat(failures.stdout()).contains("article-07.txt").contains("the model's answer was unusable")
			.contains("the answer has no English title")
			.contains("empty.txt").contains("the file cannot be translated").contains("the file is empty")
			.contains("2 failed");

		fake.answer(FakeLlmServer::translate);
		int before = fake.chatRequests().size();
		Files.writeString(home.resolve("input/empty.txt"), "Titre enfin écrit\n\nLe texte est arrivé.\n");

		JarProcess.Result retry = passerelle.run("retry-failed");

		assertThat(retry.exitCode()).as(retry.all()).isEqualTo(ExitCodes.OK);
		assertThat(fake.chatRequests()).hasSize(before + 2);
		assertThat(home.resolve("output/article-07.en.md")).exists();
		assertThat(home.resolve("output/empty.en.md")).exists();
		assertThat(passerelle.run("failures").stdout()).contains("No failed articles.");
	}

	private void assertEveryArticleWrittenOnce() throws IOException {
		for (int i = 1; i <= ARTICLES; i++) {
			String base = String.format("output/article-%02d", i);
			assertThat(home.resolve(base + ".en.md")).exists();
			assertThat(home.resolve(base + ".summary.md")).exists();
			assertThat(home.resolve(base + ".meta.json")).exists();
		}
		try (var files = Files.list(home.resolve("output"))) {
			assertThat(files.filter(f -> f.toString().endsWith(".en.md")).count()).isEqualTo(ARTICLES);
		}
	}

	private Map<String, Long> requestsPerArticle() {
		return fake.chatRequests().stream().map(request -> request.article().get("title").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private void waitForRequests(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (fake.chatRequests().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(fake.chatRequests().size()).as("requests reached the provider").isGreaterThanOrEqualTo(count);
	}

}
