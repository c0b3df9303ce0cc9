package org.passerelle.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.Await;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A run killed or stopped half way, then finished with one command: nothing lost, and no request sent
 * again for work that was committed. Chunks of two articles, twelve articles, two calls in flight; the
 * fake provider holds its answers so that the kill or the stop comes in the middle of a chunk, by design.
 */
class CrashAndRerunJarTests {

	private static final int ARTICLES = 12;

	private static final int CHUNK = 2;

	private static final int CONCURRENCY = 2;

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@BeforeEach
	void setUp() throws IOException {
		for (int i = 1; i <= ARTICLES; i++) {
			TestArticles.write(home.resolve(String.format("input/article-%02d.txt", i)),
					"Dépêche numéro " + i + "\n\nPremier paragraphe de la dépêche " + i + ".\n\nDeuxième paragraphe.\n");
		}
		passerelle.env("PASSERELLE_CHUNK_SIZE", Integer.toString(CHUNK))
			.env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(CONCURRENCY));
	}

	@ParameterizedTest(name = "then {0}")
	@ValueSource(strings = { "restart", "run" })
	void killedRunIsFinishedByRestartOrTheNextRunRepeatingOnlyTheCallInFlight(String command) throws Exception {
		// two chunks committed, one answer of the third chunk in, its other call still waiting on the provider
		int answered = 2 * CHUNK + 1;
		fake.holdAfter(answered);
		JarProcess.Running run = passerelle.start("run");
		fake.awaitHeld(1);
		awaitTranslationsOnDisk(answered);
		String inFlight = heldTitle();

		run.process().destroyForcibly(); // SIGKILL: no hook, no clean shutdown
		run.process().waitFor();
		fake.release();

		JarProcess.Result restart = passerelle.run(command);

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(restart.all()).contains("left running by a process that ended abruptly")
			.contains("its files were written before the last run ended; reusing them");
		assertEveryArticleWrittenOnce();
		// the answer already in was written to disk at once: only the call the kill interrupted is sent again
		assertThat(requestsPerArticle()).hasSize(ARTICLES)
			.allSatisfy((article, count) -> assertThat(count).as(article).isEqualTo(article.equals(inFlight) ? 2 : 1));
		JarProcess.Result status = passerelle.run("status");
		assertThat(status.stdout()).contains("FAILED").contains("COMPLETED");
	}

	@ParameterizedTest(name = "SIG{0} exits {1}")
	@CsvSource({ "TERM, 143", "INT, 130" })
	void terminatedOrInterruptedRunStopsCleanlyAndRestartSendsNothingTwice(String signal, int exitCode) throws Exception {
		// a process started in the background by a shell ignores SIGINT, and its children too: the JVM then cannot see Ctrl-C
		assumeFalse(signal.equals("INT") && interruptIgnored(), "SIGINT is ignored in this process tree (started in the background)");
		// Spring Batch's line when the run is asked to stop: until then the chunk in progress waits on the provider
		passerelle.env("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BATCH_CORE_LAUNCH_SUPPORT", "INFO");
		fake.holdAfter(2 * CHUNK);
		JarProcess.Running run = passerelle.start("run");
		fake.awaitHeld(CONCURRENCY);

		// SIGTERM, or SIGINT as Ctrl-C sends it
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(run.process().pid())).start().waitFor()).isZero();
		run.awaitOutput("Stopping job execution");
		fake.release();
		JarProcess.Result stopped = run.await();

		// the JVM, ending on a signal, exits 128 + its number whatever the command returns
		assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(exitCode);
		assertThat(stopped.stderr()).contains("stopping at the end of the current chunk");
		assertThat(stopped.stdout()).contains("): STOPPED.");
		assertThat(translationsOnDisk()).as("the chunk in progress was finished, the rest left for restart")
			.isBetween(3L * CHUNK, ARTICLES - 1L);
		assertThat(passerelle.run("status").stdout()).contains("STOPPED");

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

	/** Whether SIGINT is ignored here, and so in the children this process starts (Linux's view of it). */
	private static boolean interruptIgnored() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return false;
		}
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("SigIgn:")) {
				return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0; // SIGINT is 2
			}
		}
		return false;
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

	/** Articles whose three files are all written (the metadata goes last). */
	private long translationsOnDisk() throws IOException {
		Path output = home.resolve("output");
		if (!Files.isDirectory(output)) {
			return 0;
		}
		try (var files = Files.list(output)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".meta.json") && !name.startsWith("."))
				.count();
		}
	}

	private void awaitTranslationsOnDisk(int count) throws InterruptedException {
		Await.until(count + " articles written to disk", () -> {
			try {
				return translationsOnDisk() >= count;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The title of the one request the fake provider holds: sent, not answered. */
	private String heldTitle() {
		Map<String, Integer> answered = fake.answeredTitles();
		List<String> held = requestsPerArticle().keySet().stream().filter(title -> !answered.containsKey(title)).toList();
		assertThat(held).as("requests sent and not answered").hasSize(1);
		return held.get(0);
	}

}
