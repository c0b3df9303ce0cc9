package org.passerelle.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.passerelle.PasserelleApplication;
import org.passerelle.batch.RunRequest;
import org.passerelle.batch.TranslationRuns;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.TestArticles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the commands people type take as whole processes: {@code status} on a history of runs,
 * {@code run} against a provider that is not there, {@code --help}. It builds the history in this JVM
 * (one Spring context, one small run after another against the fake provider), then starts the jar
 * for each command several times and prints the median, minimum and maximum wall-clock time. Not a
 * test: it asserts nothing and prints figures.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -Dbenchmark.startup=true} (see the README).
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int history = Integer.getInteger("benchmark.history", 100);
		int repeats = Integer.getInteger("benchmark.repeats", 5);
		Path jar = Path.of(System.getProperty("benchmark.jar", "target/passerelle.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
		}
		Path root = Files.createTempDirectory("passerelle-startup");
		Path workDir = root.resolve("work");
		buildHistory(workDir, root, history);
		System.out.println("history of " + history + " runs in " + workDir);

		System.out.printf(Locale.ROOT, "%nPasserelle start-up: whole processes, %d runs after one warm-up, %d CPUs%n", repeats,
				Runtime.getRuntime().availableProcessors());
		int closedPort = freePort();
		Map<String, String> unreachable = Map.of("PASSERELLE_WORK_DIR", root.resolve("work-unreachable").toString(),
				"PASSERELLE_LLM_BASE_URL", "http://127.0.0.1:" + closedPort);
		report("--help", time(jar, Map.of(), repeats, "--help"));
		report("status (" + history + " runs)", time(jar, Map.of("PASSERELLE_WORK_DIR", workDir.toString()), repeats, "status"));
		report("failures (" + history + " runs)",
				time(jar, Map.of("PASSERELLE_WORK_DIR", workDir.toString()), repeats, "failures"));
		report("run, Ollama unreachable", time(jar, unreachable, repeats, "run", "--input", root.resolve("input").toString(),
				"--output", root.resolve("out-unreachable").toString()));
		System.out.println();
	}

	/** A history of {@code runs} runs of one article each, made through the job itself. */
	private static void buildHistory(Path workDir, Path root, int runs) throws IOException, Exception {
		Path input = root.resolve("input");
		TestArticles.writeThreeArticles(input);
		try (FakeLlmServer fake = FakeLlmServer.start();
				ConfigurableApplicationContext context = start(workDir, fake)) {
			fake.recording(false);
			TranslationRuns translationRuns = context.getBean(TranslationRuns.class);
			for (int i = 0; i < runs; i++) {
				var run = translationRuns.run(new RunRequest(input, root.resolve("output"), LocalDate.now(), true));
				if (run.written() != 3) {
					throw new IllegalStateException("a run of the history did not translate its 3 articles: " + run);
				}
			}
		}
	}

	/** The application pointed at the fake provider; system properties, as they outrank application.yml. */
	private static ConfigurableApplicationContext start(Path workDir, FakeLlmServer fake) {
		Map<String, String> settings = Map.of("passerelle.work-dir", workDir.toString(), "passerelle.llm.provider", "openai",
				"passerelle.llm.base-url", fake.openAiBaseUrl(), "passerelle.llm.model", FakeLlmServer.MODEL,
				"passerelle.llm.api-key", "benchmark", "passerelle.report", "false");
		settings.forEach(System::setProperty);
		try {
			return new SpringApplicationBuilder(PasserelleApplication.class).run();
		}
		finally {
			settings.keySet().forEach(System::clearProperty);
		}
	}

	private static List<Double> time(Path jar, Map<String, String> env, int repeats, String... command) throws Exception {
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i <= repeats; i++) {
			List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-jar", jar.toString()));
			line.addAll(List.of(command));
			ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().putAll(env);
			long started = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " took over five minutes");
			}
			if (i > 0) {
				seconds.add((System.nanoTime() - started) / 1e9);
			}
		}
		return seconds;
	}

	private static void report(String what, List<Double> seconds) {
		List<Double> sorted = seconds.stream().sorted().toList();
		System.out.printf(Locale.ROOT, "  %-28s median %5.2f s  (%.2f to %.2f)%n", what, sorted.get(sorted.size() / 2),
				sorted.get(0), sorted.get(sorted.size() - 1));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
