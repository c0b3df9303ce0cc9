package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.Await;
import org.passerelle.testing.DistributedRunFixture;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeLlmServer.Reply;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.TestArticles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed run as people start it: {@code run --partitions N} in one JVM, {@code worker} in others,
 * each with a work directory of its own, all on one real PostgreSQL server and one shared pair of folders.
 * Chunks of two articles, two calls in flight per worker.
 */
class DistributedRunJarTests {

	private static final int CHUNK = 2;

	private static final int CONCURRENCY = 2;

	/** More than either partition of 24 articles holds (11 and 13). */
	private static final String BIG_CHUNK = "16";

	private static final Duration NIGHT = DistributedRunFixture.NIGHT;

	/** What a worker logs when it shares a 429's pause with the run's other workers. */
	private static final String SHARED_PAUSE = "every worker of the run holds back new calls";

	/** About five articles' worth: each request is estimated at some 800 tokens and billed at some 350. */
	private static final long CAP_TOKENS = 2_500;

	@TempDir
	Path home;

	@RegisterExtension
	final DistributedRunFixture run = new DistributedRunFixture(() -> home,
			process -> process.env("PASSERELLE_CHUNK_SIZE", Integer.toString(CHUNK))
				.env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(CONCURRENCY)));

	private FakeLlmServer fake;

	@BeforeEach
	void setUp() {
		fake = run.fake();
	}

	@Test
	void twoWorkersShareTheRunAndEveryArticleIsWrittenOnceAndAskedOnce() throws Exception {
		int articles = writeArticles(16);
		JarProcess.Running first = startWorker("first");
		JarProcess.Running second = startWorker("second");
		awaitReady(first);
		awaitReady(second);

		JarProcess.Result manager = process("manager").start("run", "--partitions", "4").await(NIGHT);

		assertThat(manager.exitCode()).as(manager.all()).isEqualTo(ExitCodes.OK);
		assertThat(manager.stdout()).contains("COMPLETED. " + articles + " read, " + articles + " translated");
		assertEveryArticleWrittenOnce(articles);
		assertThat(requestsPerArticle()).hasSize(articles).allSatisfy((article, count) -> assertThat(count).isEqualTo(1));
		assertThat(first.output()).contains("runs translateArticlesStep:partition");
		assertThat(second.output()).contains("runs translateArticlesStep:partition");
		assertTheReportListsEveryArticle(articles);

		JarProcess.Result status = process("elsewhere").run("status");
		assertThat(status.stdout()).contains("COMPLETED").contains("partition0").contains("partition3");
		JsonNode json = PublishedHistory.JSON.readTree(process("elsewhere").run("status", "--json").stdout());
		assertThat(json.get("runs")).as("the run counts as one").hasSize(1);
		JsonNode partitions = json.get("partitions");
		assertThat(partitions.get("executionId").asLong()).isEqualTo(json.get("runs").get(0).get("executionId").asLong());
		assertThat(partitions.get("partitions")).hasSize(4).allSatisfy(partition -> {
			assertThat(partition.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(partition.get("read").asLong()).isEqualTo(partition.get("articles").asLong());
			assertThat(partition.get("worker").isNull()).as("a partition done is held by no one").isTrue();
		});
		assertThat(partitions.get("partitions").valueStream().mapToLong(partition -> partition.get("articles").asLong()).sum())
			.isEqualTo(articles);
		assertThat(partitions.get("silentWorkers")).isEmpty();

		first.process().destroy(); // SIGTERM, idle: it leaves at once
		assertThat(first.await().all()).contains("stopped");
	}

	@Test
	void aWorkerKilledInTheMiddleOfItsPartitionLosesItToAnotherAndTheNightEndsComplete() throws Exception {
		int articles = writeArticles(12);
		// the first chunk answered, then one answer of the second: its other call is in flight when the worker dies
		fake.holdAfter(CHUNK + 1);
		JarProcess.Running doomed = startWorker("doomed");
		awaitReady(doomed);
		JarProcess.Running manager = quickToNoticeSilence().start("run", "--partitions", "2");
		// a call held: its first chunk is committed, as chunks are read one after the other
		long deadline = System.nanoTime() + NIGHT.toNanos();
		while (fake.held() < 1) {
			assertThat(manager.process().isAlive()).as(manager.output()).isTrue();
			assertThat(System.nanoTime() - deadline).as("no call held within %s:%n%s", NIGHT, doomed.output()).isNegative();
			Thread.sleep(20);
		}

		doomed.process().destroyForcibly(); // SIGKILL: no goodbye, its heartbeat just stops
		doomed.process().waitFor();
		JarProcess.Running heir = startWorker("heir");
		fake.release();
		JarProcess.Result night = manager.await(NIGHT);

		assertThat(night.exitCode()).as(night.all() + heir.output()).isEqualTo(ExitCodes.OK);
		assertThat(night.all()).contains("has not answered for").contains("goes to another worker");
		assertEveryArticleWrittenOnce(articles);
		Map<String, Long> requests = requestsPerArticle();
		assertThat(requests).hasSize(articles);
		assertThat(requests.values().stream().filter(count -> count > 1).count())
			.as("only the calls the dead worker had in flight are asked again: %s", requests)
			.isLessThanOrEqualTo(CONCURRENCY);
		assertThat(requests.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
	}

	@Test
	void aWorkerStoppedWithSigtermFinishesItsChunkAndGivesItsPartitionBackSoNothingIsAskedTwice() throws Exception {
		int articles = writeArticles(12);
		// the first chunk answered, then one answer of the second: its other call is held when SIGTERM comes
		fake.holdAfter(CHUNK + 1);
		JarProcess.Running leaving = startWorker("leaving");
		awaitReady(leaving);
		JarProcess.Running manager = process("manager").start("run", "--partitions", "2");
		fake.awaitHeld(1);

		leaving.process().destroy(); // SIGTERM
		leaving.awaitOutput("worker stopping at the end of the current chunk");
		JarProcess.Running heir = startWorker("heir");
		fake.release();
		JarProcess.Result left = leaving.await(NIGHT);
		JarProcess.Result night = manager.await(NIGHT);

		assertThat(left.all()).as("its chunk in hand committed, the partition left restartable")
			.containsPattern("translateArticlesStep:partition\\d+ of run \\d+ ended STOPPED");
		assertThat(night.exitCode()).as(night.all() + heir.output() + repositoryRows()).isEqualTo(ExitCodes.OK);
		assertThat(night.all()).contains("was given back by a worker that stopped");
		assertThat(heir.output()).contains("runs translateArticlesStep:partition");
		assertEveryArticleWrittenOnce(articles);
		assertThat(requestsPerArticle()).as("the chunk in hand was finished, not dropped").hasSize(articles)
			.allSatisfy((article, count) -> assertThat(count).isEqualTo(1));
	}

	/**
	 * Each partition one chunk, under two calls in flight: when the manager is killed, the worker holds two
	 * calls of a chunk it has not finished. The partition it is on is restarted and taken by a second worker.
	 */
	@Test
	void aManagerKilledWhileWaitingIsRestartedAndWaitsOnlyForThePartitionsThatHadNotFinished() throws Exception {
		int articles = writeArticles(24);
		fake.latency(Duration.ofMillis(300));
		JarProcess.Running worker = run.startWorker(process("worker").env("PASSERELLE_CHUNK_SIZE", BIG_CHUNK));
		awaitReady(worker);
		JarProcess manager = process("manager").env("PASSERELLE_CHUNK_SIZE", BIG_CHUNK);
		JarProcess.Running doomed = manager.start("run", "--partitions", "2");
		Await.until("a partition to complete", () -> worker.output().contains(" ended COMPLETED"), worker::output);
		fake.hold();
		fake.awaitHeld(1);
		List<String> completed = completedPartitions(worker.output());

		doomed.process().destroyForcibly(); // kill -9 while it waits for the workers
		doomed.process().waitFor();
		int before = worker.output().length();
		JarProcess.Running restart = manager.start("restart");
		restart.awaitOutput("waiting for workers");
		// the partition the first worker is still on, restarted, goes to a second worker while those calls are held
		JarProcess.Running heir = run.startWorker(process("heir").env("PASSERELLE_CHUNK_SIZE", BIG_CHUNK));
		Await.until("the heir to take the restarted partition", () -> heir.output().contains(" runs translateArticlesStep:"),
				heir::output);
		fake.release();
		JarProcess.Result night = restart.await(NIGHT);

		assertThat(night.exitCode()).as(night.all() + worker.output() + heir.output()).isEqualTo(ExitCodes.OK);
		assertThat(night.stdout()).contains("COMPLETED");
		assertEveryArticleWrittenOnce(articles);
		Map<String, Long> requests = requestsPerArticle();
		assertThat(requests).hasSize(articles);
		assertThat(requests.values().stream().filter(count -> count > 1).count())
			.as("only the calls in flight at the kill are asked again: %s%n%s", requests, worker.output())
			.isLessThanOrEqualTo(CONCURRENCY);
		assertThat(requests.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
		String afterRestart = worker.output().substring(before) + heir.output();
		assertThat(completed).isNotEmpty();
		for (String partition : completed) {
			assertThat(afterRestart).as("%s had completed", partition).doesNotContain("runs translateArticlesStep:" + partition + " ");
		}
		// a dead execution has no report, as in one process: the restart's report is what the restart did
		java.util.regex.Matcher translated = java.util.regex.Pattern.compile("(\\d+) translated").matcher(night.stdout());
		assertThat(translated.find()).as(night.stdout()).isTrue();
		assertThat(reportedArticles()).hasSize(Integer.parseInt(translated.group(1)));
		assertThat(home.resolve("output/_reports/.journal")).as("the killed execution's partition journals, removed")
			.doesNotExist();
	}

	/** The partitions a worker's log says it completed. */
	private static List<String> completedPartitions(String log) {
		java.util.regex.Matcher done = java.util.regex.Pattern.compile("(partition\\d+) of run \\d+ ended COMPLETED").matcher(log);
		List<String> completed = new ArrayList<>();
		while (done.find()) {
			completed.add(done.group(1));
		}
		return completed;
	}

	@Test
	void twoWorkersOfFourThreadsEachKeepToTheRunsConcurrencyOfFourAndAreNeverRefused() throws Exception {
		int articles = writeArticles(24);
		fake.latency(Duration.ofMillis(300)).refuseAbove(4);
		JarProcess.Running first = startWorker("first", 4);
		JarProcess.Running second = startWorker("second", 4);
		awaitReady(first);
		awaitReady(second);

		JarProcess.Result manager = process("manager").env("PASSERELLE_LLM_CONCURRENCY", "4")
			.start("run", "--partitions", "2")
			.await(NIGHT);

		assertThat(manager.exitCode()).as(manager.all()).isEqualTo(ExitCodes.OK);
		assertEveryArticleWrittenOnce(articles);
		assertThat(first.output()).contains("runs translateArticlesStep:partition");
		assertThat(second.output()).contains("runs translateArticlesStep:partition");
		assertThat(fake.refused()).as("calls refused for a fifth in flight").isZero();
		assertThat(fake.mostInFlight()).isEqualTo(4);
		assertThat(manager.stdout()).contains(" 0 retries");
	}

	@Test
	void aPauseTheProviderAskedOfOneWorkerHoldsBackTheRunsOtherWorkerToo() throws Exception {
		int articles = writeArticles(12);
		fake.hold();
		// one call each: the two calls held are one per worker
		JarProcess.Running first = startWorker("first", 1);
		JarProcess.Running second = startWorker("second", 1);
		JarProcess.Running manager = process("manager").start("run", "--partitions", "2");
		fake.awaitHeld(2);

		// the call held longest is refused for three seconds; the other worker's call is answered
		fake.thenReply(Reply.tooManyRequests("retry-after", "3")).releaseOne();
		Await.until("the refused worker to share the pause", () -> first.output().contains(SHARED_PAUSE)
				|| second.output().contains(SHARED_PAUSE), () -> first.output() + second.output());
		fake.release();
		JarProcess.Result night = manager.await(NIGHT);

		assertThat(night.exitCode()).as(night.all()).isEqualTo(ExitCodes.OK);
		assertEveryArticleWrittenOnce(articles);
		List<FakeLlmServer.Recorded> chats = fake.chatRequests();
		FakeLlmServer.Recorded lastHeld = chats.get(1);
		// a lower bound only: a busy machine can make the wait longer, never shorter
		assertThat(chats.get(2).after(lastHeld)).as("the first call after the 429, from either worker")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void theSpendingCapHoldsForTheWholeRunAndRestartsFinishItPayingForEachArticleOnce() throws Exception {
		int articles = writeArticles(12);
		JarProcess.Running first = startWorker("first", 1);
		JarProcess.Running second = startWorker("second", 1);
		awaitReady(first);
		awaitReady(second);
		// the manager's cap is the run's: the workers have none of their own
		JarProcess manager = process("manager").env("PASSERELLE_MAX_TOKENS_PER_RUN", Long.toString(CAP_TOKENS));

		JarProcess.Result capped = manager.start("run", "--partitions", "2").await(NIGHT);

		assertThat(capped.exitCode()).as(capped.all()).isEqualTo(ExitCodes.SPENDING_CAP);
		assertThat(billedTokens(capped)).as("billed by both workers together, within the cap: %s", capped.stdout())
			.isPositive()
			.isLessThanOrEqualTo(CAP_TOKENS);
		assertThat(first.output() + second.output()).contains("the cap of 2,500 tokens");
		long left = assertLeftIsWhatWasNotWritten(capped, articles);
		JarProcess.Result last = capped;
		for (int restarts = 0; last.exitCode() == ExitCodes.SPENDING_CAP && restarts < 10; restarts++) {
			last = manager.start("restart").await(NIGHT);
			assertThat(billedTokens(last)).as("each restart keeps to a cap of its own: %s", last.stdout())
				.isLessThanOrEqualTo(CAP_TOKENS);
			if (last.exitCode() == ExitCodes.SPENDING_CAP) {
				left = assertLeftIsWhatWasNotWritten(last, left);
			}
		}

		assertThat(last.exitCode()).as(last.all()).isEqualTo(ExitCodes.OK);
		assertEveryArticleWrittenOnce(articles);
		assertThat(fake.answeredTitles()).as("nothing paid twice").hasSize(articles)
			.allSatisfy((title, times) -> assertThat(times).as(title).isEqualTo(1));
	}

	@Test
	void withoutADatabaseServerPartitionsAndWorkersAreRefusedSayingWhatTheyNeed() throws Exception {
		writeArticles(2);
		JarProcess alone = JarProcess.against(fake, home, "sk-test").env("PASSERELLE_WORK_DIR", home.resolve("alone").toString());

		JarProcess.Result run = alone.run("run", "--partitions", "2");
		JarProcess.Result worker = alone.run("worker");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr()).contains("--partitions above 1").contains("PostgreSQL").contains("PASSERELLE_DATABASE_URL");
		assertThat(worker.exitCode()).as(worker.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(worker.stderr()).contains("a worker needs").contains("PASSERELLE_DATABASE_URL");
		assertThat(fake.chatCount()).as("nothing sent").isZero();
		assertThat(home.resolve("output")).doesNotExist();
	}

	/** The job repository's executions, for the message of a failed assertion. */
	private String repositoryRows() throws Exception {
		StringBuilder out = new StringBuilder();
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(this.run.databaseUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
				java.sql.Statement st = c.createStatement()) {
			for (String sql : new String[] { "SELECT job_execution_id, status, exit_code, exit_message, version FROM batch_job_execution",
					"SELECT step_execution_id, step_name, status, exit_code, exit_message, version FROM batch_step_execution" }) {
				try (java.sql.ResultSet rs = st.executeQuery(sql)) {
					while (rs.next()) {
						for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
							String v = rs.getString(i);
							out.append(v == null ? "null" : v.length() > 600 ? v.substring(0, 600) : v).append(" | ");
						}
						out.append('\n');
					}
				}
			}
		}
		return out.toString();
	}

	/**
	 * A run stopped at the cap says how many of its articles it left, as a run in one process does: those of
	 * its partitions it did not write, not the rest of the folder once for each partition. Returns them.
	 */
	private static long assertLeftIsWhatWasNotWritten(JarProcess.Result run, long toDo) {
		java.util.regex.Matcher stop = java.util.regex.Pattern.compile("(\\d+) articles translated, (\\d+) left")
			.matcher(run.stderr());
		assertThat(stop.find()).as("the line of a run stopped at the cap in %s", run.stderr()).isTrue();
		long written = Long.parseLong(stop.group(1));
		long left = Long.parseLong(stop.group(2));
		assertThat(written).as(run.stderr()).isPositive();
		assertThat(left).as("of %d to do, %d written: %s", toDo, written, run.stderr()).isEqualTo(toDo - written);
		return left;
	}

	/** The input and output tokens a run's summary line says it was billed. */
	private static long billedTokens(JarProcess.Result run) {
		java.util.regex.Matcher tokens = java.util.regex.Pattern.compile("; (\\d+) \\+ (\\d+) tokens").matcher(run.stdout());
		assertThat(tokens.find()).as("a summary line in %s", run.stdout()).isTrue();
		return Long.parseLong(tokens.group(1)) + Long.parseLong(tokens.group(2));
	}

	private JarProcess process(String name) {
		return run.process(name);
	}

	/**
	 * A worker paused (SIGSTOP) past the heartbeat timeout loses its partition, and the manager sends it
	 * again; resumed before any other worker has taken it, the worker takes it back and finishes it, and the
	 * request sent again is dropped by the worker that gets it. The night ends complete, no article asked
	 * twice. (Before, the resumed worker went on while the next worker ran the same partition too.)
	 */
	@Test
	void aWorkerSilentPastTheTimeoutThatComesBackBeforeAnyOtherTakesItsPartitionBackAndNothingIsAskedTwice()
			throws Exception {
		int articles = writeArticles(12);
		// the first chunk answered, then one answer of the second: its other call is held when it is paused
		fake.holdAfter(CHUNK + 1);
		JarProcess.Running paused = startWorker("paused");
		awaitReady(paused);
		JarProcess.Running manager = quickToNoticeSilence().start("run", "--partitions", "2");
		fake.awaitHeld(1);

		signal("STOP", paused.process());
		manager.awaitOutput("goes to another worker");
		signal("CONT", paused.process());
		fake.release();
		paused.awaitOutput("taken back"); // at its next call
		JarProcess.Running heir = startWorker("heir");
		JarProcess.Result night = manager.await(NIGHT);

		assertThat(night.exitCode()).as(night.all() + paused.output() + heir.output()).isEqualTo(ExitCodes.OK);
		assertEveryArticleWrittenOnce(articles);
		assertThat(requestsPerArticle()).as("no article asked twice").hasSize(articles)
			.allSatisfy((article, count) -> assertThat(count).isEqualTo(1));
	}

	/** A manager that takes a partition from a worker silent for 4 s, and looks every half second. */
	private JarProcess quickToNoticeSilence() {
		return process("manager").env("PASSERELLE_WORKER_HEARTBEAT_TIMEOUT", "4s")
			.env("PASSERELLE_PARTITION_POLL_INTERVAL", "500ms");
	}

	private static void signal(String signal, Process process) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
	}

	private JarProcess.Running startWorker(String name) throws IOException {
		return startWorker(name, CONCURRENCY);
	}

	private JarProcess.Running startWorker(String name, int threads) throws IOException {
		return run.startWorker(process(name).env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(threads)));
	}

	private static void awaitReady(JarProcess.Running worker) throws InterruptedException {
		DistributedRunFixture.awaitReady(worker);
	}

	private int writeArticles(int count) throws IOException {
		for (int i = 1; i <= count; i++) {
			TestArticles.write(home.resolve(String.format("input/article-%02d.txt", i)),
					"Dépêche numéro " + i + "\n\nPremier paragraphe de la dépêche " + i + ".\n\nDeuxième paragraphe.\n");
		}
		return count;
	}

	private void assertEveryArticleWrittenOnce(int articles) throws IOException {
		for (int i = 1; i <= articles; i++) {
			String base = String.format("output/article-%02d", i);
			assertThat(home.resolve(base + ".en.md")).exists();
			assertThat(home.resolve(base + ".summary.md")).exists();
			assertThat(home.resolve(base + ".meta.json")).exists();
		}
		try (var files = Files.list(home.resolve("output"))) {
			assertThat(files.filter(f -> f.toString().endsWith(".en.md")).count()).isEqualTo(articles);
		}
	}

	/** The run's report has every article the workers wrote, though each worker kept its own journal. */
	private void assertTheReportListsEveryArticle(int articles) throws IOException {
		Path reports = home.resolve("output/_reports");
		assertThat(reportedArticles()).hasSize(articles).doesNotHaveDuplicates()
			.allSatisfy(article -> assertThat(article).matches("article-\\d{2}\\.txt"));
		String name = reportLines().getFileName().toString().replace(".jsonl", "");
		assertThat(reports.resolve(name).resolve("articles-1.html")).as("the articles side by side").exists();
		assertThat(reports.resolve(".journal")).as("the workers' journals, gathered and removed").doesNotExist();
	}

	/** The articles the one report in the output folder lists, from its JSON Lines. */
	private List<String> reportedArticles() throws IOException {
		return Files.readAllLines(reportLines()).stream()
			.map(line -> PublishedHistory.JSON.readTree(line).get("article").asString())
			.sorted()
			.toList();
	}

	private Path reportLines() throws IOException {
		List<Path> lines;
		try (var files = Files.list(home.resolve("output/_reports"))) {
			lines = files.filter(file -> file.getFileName().toString().matches(".*-run-\\d+\\.jsonl")).toList();
		}
		assertThat(lines).as("one report of the run").hasSize(1);
		return lines.get(0);
	}

	private Map<String, Long> requestsPerArticle() {
		return fake.chatRequests().stream().map(request -> request.article().get("title").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
