package org.passerelle.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.TestArticles;

/**
 * Runs the real jar over generated French articles against the fake provider and prints what the
 * job achieves: articles per minute against the ideal for the concurrency and latency, its own time
 * per article when the provider answers at once, tokens sent against tokens in the articles, and the
 * peak heap (from the JVM's GC log). Not a test: it asserts nothing and prints figures.
 *
 * <p>{@code ./mvnw -Pbenchmark verify} (see the README for the settings).
 */
public final class ThroughputBenchmark {

	private static final Pattern GC_PAUSE = Pattern.compile("Pause (?:Young|Full).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private static final Pattern JOB_SECONDS = Pattern.compile("; ([\\d.]+) s\\.");


	private ThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int articles = Integer.getInteger("benchmark.articles", 600);
		int concurrency = Integer.getInteger("benchmark.concurrency", 8);
		long latencyMillis = Long.getLong("benchmark.latency", 2000);
		int words = Integer.getInteger("benchmark.words", 350);
		String heap = System.getProperty("benchmark.heap", "256m");
		Path jar = Path.of(System.getProperty("benchmark.jar", "target/passerelle.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
		}

		Path root = Files.createTempDirectory("passerelle-benchmark");
		Path input = root.resolve("input");
		long articleTokens = generate(input, articles, words);
		System.out.printf(Locale.ROOT, "%nPasserelle benchmark: %d articles of about %d words%s, %d CPUs, -Xmx%s%n", articles,
				words, Boolean.getBoolean("benchmark.distinct") ? " (no paragraph in two)" : "",
				Runtime.getRuntime().availableProcessors(), heap);

		Result loaded = run(jar, root.resolve("loaded"), input, articles, concurrency, latencyMillis, heap);
		double ideal = latencyMillis == 0 ? Double.NaN : concurrency * 60_000.0 / latencyMillis;
		double perMinute = articles * 60.0 / loaded.jobSeconds();
		System.out.printf(Locale.ROOT, "%nWith %d calls in flight and %d ms per call:%n", concurrency, latencyMillis);
		System.out.printf(Locale.ROOT, "  articles per minute        %10.1f  (job %.1f s, whole process %.1f s)%n", perMinute,
				loaded.jobSeconds(), loaded.wallSeconds());
		if (latencyMillis > 0) {
			System.out.printf(Locale.ROOT, "  ideal for this setting     %10.1f%n", ideal);
			System.out.printf(Locale.ROOT, "  ratio to the ideal         %10.3f%n", perMinute / ideal);
		}
		System.out.printf(Locale.ROOT, "  tokens sent / in articles  %10.2f  (%,d prompt tokens for %,d article tokens)%n",
				(double) loaded.promptTokens() / articleTokens, loaded.promptTokens(), articleTokens);
		System.out.printf(Locale.ROOT, "  peak heap in use           %8d MB  (highest after a collection: %d MB)%n",
				loaded.peakHeapMb(), loaded.liveHeapMb());

		if (latencyMillis > 0) {
			double providerSeconds = Math.ceil((double) articles / concurrency) * latencyMillis / 1000.0;
			System.out.printf(Locale.ROOT, "  whole process / provider   %10.3f  (%.1f s, start-up included, for the provider's %.1f s)%n",
					loaded.wallSeconds() / providerSeconds, loaded.wallSeconds(), providerSeconds);
		}

		int fewer = Integer.getInteger("benchmark.marginal", 0);
		if (fewer > 0 && fewer < articles) {
			// the cost of each article beyond the first 'fewer', so that start-up and the end of the run cancel out
			Path smallInput = root.resolve("input-" + fewer);
			generate(smallInput, fewer, words);
			Result small = run(jar, root.resolve("instant-" + fewer), smallInput, fewer, concurrency, 0, heap);
			Result large = latencyMillis == 0 ? loaded
					: run(jar, root.resolve("instant-" + articles), input, articles, concurrency, 0, heap);
			int extra = articles - fewer;
			System.out.printf(Locale.ROOT, "%nWith a provider that answers at once, %d articles against %d (%d calls in flight):%n",
					articles, fewer, concurrency);
			System.out.printf(Locale.ROOT, "  own time per extra article %8.1f ms  (job %.1f s against %.1f s)%n",
					(large.jobSeconds() - small.jobSeconds()) * 1000 / extra, large.jobSeconds(), small.jobSeconds());
			System.out.printf(Locale.ROOT, "  whole process, per extra   %8.1f ms  (%.1f s against %.1f s)%n",
					(large.wallSeconds() - small.wallSeconds()) * 1000 / extra, large.wallSeconds(), small.wallSeconds());
			System.out.printf(Locale.ROOT, "  outside the job's duration %8.1f s   (start-up, report, shutdown; %d articles)%n",
					large.wallSeconds() - large.jobSeconds(), articles);
		}
		else if (latencyMillis > 0 && !Boolean.getBoolean("benchmark.skipZeroLatency")) {
			Result instant = run(jar, root.resolve("instant"), input, articles, concurrency, 0, heap);
			System.out.printf(Locale.ROOT, "%nWith a provider that answers at once (%d calls in flight):%n", concurrency);
			System.out.printf(Locale.ROOT, "  own time per article       %8.1f ms  (job %.1f s for %d articles)%n",
					instant.jobSeconds() * 1000 / articles, instant.jobSeconds(), articles);
			System.out.printf(Locale.ROOT, "  peak heap in use           %8d MB  (highest after a collection: %d MB)%n",
					instant.peakHeapMb(), instant.liveHeapMb());
		}
		else if (latencyMillis == 0) {
			System.out.printf(Locale.ROOT, "  own time per article       %8.1f ms%n", loaded.jobSeconds() * 1000 / articles);
		}
		System.out.println();
	}

	private record Result(double jobSeconds, double wallSeconds, long promptTokens, long peakHeapMb, long liveHeapMb) {
	}

	/** One run of the jar in its own work and output directories, against a fresh fake provider. */
	private static Result run(Path jar, Path dir, Path input, int articles, int concurrency, long latencyMillis, String heap)
			throws Exception {
		Files.createDirectories(dir);
		try (FakeLlmServer fake = FakeLlmServer.start()) {
			fake.recording(false).latency(Duration.ofMillis(latencyMillis));
			Path gcLog = dir.resolve("gc.log");
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
			String extraJvmArgs = System.getProperty("benchmark.jvmArgs", "").strip();
			if (!extraJvmArgs.isEmpty()) {
				command.addAll(List.of(extraJvmArgs.replace("{dir}", dir.toString()).split("\\s+")));
			}
			command.addAll(List.of("-jar", jar.toString(), "run", "--input", input.toString(), "--output",
					dir.resolve("output").toString()));
			ProcessBuilder builder = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("run.log").toFile());
			Map<String, String> env = builder.environment();
			env.put("PASSERELLE_WORK_DIR", dir.resolve("work").toString());
			env.put("PASSERELLE_LLM_PROVIDER", "openai");
			env.put("PASSERELLE_LLM_BASE_URL", fake.openAiBaseUrl());
			env.put("PASSERELLE_LLM_MODEL", FakeLlmServer.MODEL);
			env.put("PASSERELLE_LLM_API_KEY", "benchmark");
			env.put("PASSERELLE_LLM_CONCURRENCY", String.valueOf(concurrency));
			long started = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(2, TimeUnit.HOURS)) {
				process.destroyForcibly();
				throw new IllegalStateException("the run took over two hours");
			}
			double wall = (System.nanoTime() - started) / 1e9;
			String log = Files.readString(dir.resolve("run.log"), StandardCharsets.UTF_8);
			Matcher seconds = JOB_SECONDS.matcher(log);
			if (process.exitValue() != 0 || !seconds.find() || !log.contains(articles + " translated")) {
				throw new IllegalStateException("the run did not translate every article (exit " + process.exitValue()
						+ "); see " + dir.resolve("run.log"));
			}
			long peak = 0;
			long live = 0;
			for (String line : Files.readAllLines(gcLog)) {
				Matcher pause = GC_PAUSE.matcher(line);
				if (pause.find()) {
					peak = Math.max(peak, Long.parseLong(pause.group(1)));
					live = Math.max(live, Long.parseLong(pause.group(2)));
				}
			}
			return new Result(Double.parseDouble(seconds.group(1)), wall, fake.promptTokenTotal(), peak, live);
		}
	}

	/**
	 * French articles of about {@code words} words each, in folders of 500; returns their tokens (cl100k).
	 * Their paragraphs are drawn from ten sentences, so most recur across articles and the translation
	 * memory holds most of each article after the first few hundred; with {@code benchmark.distinct=true}
	 * each paragraph ends with its own numbers, and every article is new to the memory (a first night).
	 */
	private static long generate(Path input, int count, int words) throws IOException {
		boolean distinct = Boolean.getBoolean("benchmark.distinct");
		Encoding tokenizer = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
		Random random = new Random(42);
		long tokens = 0;
		for (int i = 0; i < count; i++) {
			StringBuilder text = new StringBuilder("Article " + i + " : les collectivités face à la réforme\n\n");
			List<String> paragraph = new ArrayList<>();
			int written = 0;
			while (written < words) {
				String sentence = TestArticles.NEWS_SENTENCES.get(random.nextInt(TestArticles.NEWS_SENTENCES.size()));
				paragraph.add(sentence);
				written += sentence.split(" ").length;
				if (paragraph.size() == 3 || written >= words) {
					text.append(String.join(" ", paragraph));
					if (distinct) {
						text.append(" (dépêche ").append(i).append(", ").append(written).append(" mots)");
					}
					text.append("\n\n");
					paragraph.clear();
				}
			}
			Path file = input.resolve("batch-" + (i / 500)).resolve("article-" + i + ".txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			tokens += tokenizer.countTokensOrdinary(text.toString());
		}
		return tokens;
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
