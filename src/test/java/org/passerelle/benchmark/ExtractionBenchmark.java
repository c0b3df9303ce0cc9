package org.passerelle.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.passerelle.article.ExtractedArticle;
import org.passerelle.article.html.HtmlArticleExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs Passerelle's HTML extractor over the 181 real pages of the public article-extraction benchmark
 * (read from {@code ../shared/data/article-extraction-benchmark/}, never copied in) and scores the
 * bodies it finds the way that benchmark's README says: 4-token shingles per page, precision and
 * recall averaged over pages, F1 from the two means. Prints F1, precision, recall, exact pages, the
 * pages refused (no body) and the time per page. {@code -Dbenchmark.pages=true} also lists every page,
 * worst first.
 *
 * <p>{@code ./mvnw -Pextraction-benchmark verify}
 */
public final class ExtractionBenchmark {

	public static final Path FOLDER = Path.of("..", "shared", "data", "article-extraction-benchmark");

	/** Passes over the pages before the timed one, so that the time is the JIT-compiled extractor's. */
	private static final int WARM_UP_PASSES = 2;

	private ExtractionBenchmark() {
	}

	/** One page: its id and URL, its score, and whether the extractor gave no body at all. */
	public record Page(String id, String url, ShingleScore score, boolean refused) {

		double f1() {
			double p = score.precision();
			double r = score.recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

	}

	/** The benchmark's figures over all pages. */
	/**
	 * The benchmark's figures over all pages; the times are the timed pass's, wall clock and CPU (the
	 * CPU time says what a page costs on a machine other jobs share).
	 */
	public record Result(List<Page> pages, double millisPerPage, double cpuMillisPerPage, double slowestMillis) {

		public double precision() {
			return pages.stream().mapToDouble(page -> page.score().precision()).average().orElse(0);
		}

		public double recall() {
			return pages.stream().mapToDouble(page -> page.score().recall()).average().orElse(0);
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

		public double accuracy() {
			return (double) pages.stream().filter(page -> page.score().exact()).count() / pages.size();
		}

		public List<Page> refused() {
			return pages.stream().filter(Page::refused).toList();
		}

		String summary() {
			return String.format(java.util.Locale.ROOT,
					"article-extraction-benchmark, %d pages: F1 %.3f, precision %.3f, recall %.3f, exact %.3f, "
							+ "refused %d, %.2f ms per page (CPU %.2f ms, slowest %.1f ms)",
					pages.size(), f1(), precision(), recall(), accuracy(), refused().size(), millisPerPage, cpuMillisPerPage,
					slowestMillis);
		}

	}

	public static boolean available() {
		return Files.isRegularFile(FOLDER.resolve("ground-truth.json")) && Files.isDirectory(FOLDER.resolve("html"));
	}

	public static Result run() {
		return run(WARM_UP_PASSES);
	}

	/** The figures, after that many untimed passes over the pages. */
	public static Result run(int warmUpPasses) {
		HtmlArticleExtractor extractor = new HtmlArticleExtractor();
		Map<String, JsonNode> truth = groundTruth();
		Map<String, byte[]> html = new TreeMap<>();
		for (String id : truth.keySet()) {
			html.put(id, page(id));
		}
		for (int pass = 0; pass < warmUpPasses; pass++) {
			html.values().forEach(extractor::extract);
		}
		List<Page> pages = new ArrayList<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		long totalCpu = 0;
		long slowest = 0;
		for (Map.Entry<String, byte[]> entry : html.entrySet()) {
			long start = System.nanoTime();
			long startCpu = threads.getCurrentThreadCpuTime();
			ExtractedArticle article = extractor.extract(entry.getValue());
			totalCpu += threads.getCurrentThreadCpuTime() - startCpu;
			long took = System.nanoTime() - start;
			total += took;
			slowest = Math.max(slowest, took);
			JsonNode expected = truth.get(entry.getKey());
			String body = String.join("\n\n", article.paragraphs());
			pages.add(new Page(entry.getKey(), expected.path("url").asString(""),
					ShingleScore.of(expected.path("articleBody").asString(""), body), article.paragraphs().isEmpty()));
		}
		return new Result(pages, total / 1e6 / html.size(), totalCpu / 1e6 / html.size(), slowest / 1e6);
	}

	private static Map<String, JsonNode> groundTruth() {
		JsonNode root = JsonMapper.builder().build().readTree(FOLDER.resolve("ground-truth.json").toFile());
		Map<String, JsonNode> truth = new TreeMap<>();
		root.properties().forEach(entry -> truth.put(entry.getKey(), entry.getValue()));
		return truth;
	}

	private static byte[] page(String id) {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(FOLDER.resolve("html").resolve(id + ".html.gz")))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) {
		if (!available()) {
			System.out.println("article-extraction-benchmark skipped: no data at " + FOLDER.toAbsolutePath().normalize());
			return;
		}
		Result result = run();
		if (Boolean.getBoolean("benchmark.pages")) {
			result.pages().stream().sorted(Comparator.comparingDouble(Page::f1)).forEach(page -> System.out.printf(
					java.util.Locale.ROOT, "%.3f P %.3f R %.3f %s %s %s%n", page.f1(), page.score().precision(),
					page.score().recall(), page.id().substring(0, 8), page.refused() ? "REFUSED" : "", page.url()));
		}
		System.out.println(result.summary());
	}

}
