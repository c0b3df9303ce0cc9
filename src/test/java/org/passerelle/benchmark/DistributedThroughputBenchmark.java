package org.passerelle.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.TestArticles;

/**
 * A distributed run against one process: the fake provider answers each call in {@code benchmark.latency}
 * ms; one process allowed 2 calls in flight, then 1, 2 and 4 worker processes with 2 calls each (the
 * run's shared concurrency 2, 4, 8), each run on a new database of one real PostgreSQL server. Prints
 * articles per second from each run's own duration (its summary line: from the job's start to its end,
 * workers already waiting), the ratio to the single process, articles written, and requests the fake
 * saw twice. Not a test: it prints figures.
 *
 * <p>{@code ./mvnw -Pdistributed-benchmark verify}
 */
public final class DistributedThroughputBenchmark {

	private static final Pattern JOB_SECONDS = Pattern.compile("; ([\\d.]+) s\\.");

	private static final Duration NIGHT = Duration.ofMinutes(30);

	private DistributedThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int articles = Integer.getInteger("benchmark.articles", 80);
		long latency = Long.getLong("benchmark.latency", 1000);
		int perWorker = Integer.getInteger("benchmark.concurrency", 2);
		int[] workerCounts = Stream.of(System.getProperty("benchmark.workers", "1,2,4").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		Path root = Files.createTempDirectory("passerelle-distributed-benchmark");
		for (int i = 1; i <= articles; i++) {
			TestArticles.write(root.resolve(String.format("input/article-%03d.txt", i)), "Dépêche numéro " + i
					+ "\n\nPremier paragraphe de la dépêche " + i + ".\n\nDeuxième paragraphe de la dépêche.\n");
		}
		System.out.printf(Locale.ROOT, "%nDistributed runs: %d articles, %d ms per call, %d calls in flight per process, "
				+ "%d CPUs%n", articles, latency, perWorker, Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%-22s %10s %8s %12s %10s %8s %12s%n", "setting", "partitions", "seconds",
				"articles/s", "vs single", "written", "asked twice");
		try (PostgresServer server = PostgresServer.start()) {
			Outcome single = run(server, root, articles, latency, perWorker, 0);
			print("one process", single, single, 0);
			for (int workers : workerCounts) {
				Outcome distributed = run(server, root, articles, latency, perWorker, workers);
				print(workers + " worker(s), shared " + workers * perWorker, distributed, single, workers);
			}
		}
		System.out.println();
	}

	private record Outcome(int partitions, double seconds, long written, long askedTwice) {
	}

	private static void print(String setting, Outcome outcome, Outcome single, int workers) {
		double ratio = single.seconds() / outcome.seconds();
		System.out.printf(Locale.ROOT, "%-22s %10s %8.1f %12.2f %10s %8d %12d%n", setting,
				outcome.partitions() == 0 ? "-" : Integer.toString(outcome.partitions()), outcome.seconds(),
				outcome.written() / outcome.seconds(), workers == 0 ? "1.00" : String.format(Locale.ROOT, "%.2f (%.2f x %d)",
						ratio, ratio / workers, workers), outcome.written(), outcome.askedTwice());
	}

	/** A night on a new database into a new output folder; {@code workers} 0: one process, no partitions. */
	private static Outcome run(PostgresServer server, Path root, int articles, long latency, int perWorker, int workers)
			throws Exception {
		String name = workers == 0 ? "single" : "workers-" + workers;
		String database = server.newDatabase();
		try (FakeLlmServer fake = FakeLlmServer.start()) {
			fake.latency(Duration.ofMillis(latency));
			Function<String, JarProcess> process = role -> JarProcess.against(fake, root, "benchmark")
				.env("PASSERELLE_DATABASE_URL", database)
				.env("PASSERELLE_DATABASE_USER", PostgresServer.USER)
				.env("PASSERELLE_DATABASE_PASSWORD", PostgresServer.PASSWORD)
				.env("PASSERELLE_WORK_DIR", root.resolve(name + "/work-" + role).toString())
				.env("PASSERELLE_INPUT_DIR", root.resolve("input").toString())
				.env("PASSERELLE_OUTPUT_DIR", root.resolve(name + "/output").toString())
				.env("PASSERELLE_REPORT", "false");
			List<JarProcess.Running> started = new ArrayList<>();
			try {
				for (int i = 0; i < workers; i++) {
					started.add(process.apply("worker-" + i).env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(perWorker))
						.start("worker"));
				}
				for (JarProcess.Running worker : started) {
					while (!worker.output().contains("waiting for partitions")) {
						if (!worker.process().isAlive()) {
							throw new IllegalStateException("a worker ended before it was ready:\n" + worker.output());
						}
						Thread.sleep(50);
					}
				}
				// several partitions per worker: a worker that finishes early takes another, so none waits on the last
				int partitions = workers * 4;
				JarProcess manager = process.apply("manager")
					.env("PASSERELLE_LLM_CONCURRENCY", Integer.toString(Math.max(1, workers) * perWorker))
					.env("PASSERELLE_PARTITION_POLL_INTERVAL", "200ms");
				JarProcess.Result night = workers == 0 ? manager.start("run").await(NIGHT)
						: manager.start("run", "--partitions", Integer.toString(partitions)).await(NIGHT);
				Matcher seconds = JOB_SECONDS.matcher(night.stdout());
				if (night.exitCode() != 0 || !seconds.find()) {
					throw new IllegalStateException("the " + name + " run failed (exit " + night.exitCode() + "):\n" + night.all());
				}
				long written;
				try (Stream<Path> files = Files.list(root.resolve(name + "/output"))) {
					written = files.filter(file -> file.toString().endsWith(".en.md")).count();
				}
				Map<String, Long> asked = fake.chatRequests().stream()
					.map(request -> request.article().get("title").asString())
					.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
				return new Outcome(workers == 0 ? 0 : partitions, Double.parseDouble(seconds.group(1)), written,
						asked.values().stream().filter(count -> count > 1).count());
			}
			finally {
				started.forEach(worker -> worker.process().destroy());
				for (JarProcess.Running worker : started) {
					worker.process().waitFor();
				}
			}
		}
	}

}
