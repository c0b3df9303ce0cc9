package org.passerelle.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.passerelle.article.Article;
import org.passerelle.article.SourceDetails;
import org.passerelle.article.SourceFile;
import org.passerelle.report.JournalEntry;
import org.passerelle.report.RunFacts;
import org.passerelle.report.RunJournal;
import org.passerelle.report.RunReportWriter;
import org.passerelle.testing.HeadlessChromium;
import org.passerelle.testing.TestArticles;

/**
 * Writes the report of a large run (5,000 articles by default) from a generated journal, in this JVM
 * with a heap smaller than the journal, and measures how long headless Chromium takes to open its
 * pages. Not a test: it asserts nothing and prints figures.
 *
 * <p>{@code ./mvnw -Preport-benchmark verify} ({@code -Dbenchmark.articles}, {@code -Dbenchmark.words};
 * the heap is set in the profile). Opening a page is timed inside the browser: a harness page loads the
 * report in a frame and takes {@code performance.now()} from setting its address to its load event,
 * after forcing style and layout of the whole frame; each page is opened five times, each time by a
 * fresh browser, and the median is kept.
 */
public final class ReportBenchmark {

	private static final Pattern TIMING = Pattern.compile("load=([\\d.]+) height=([\\d.-]+)");

	private static final int OPENINGS = 5;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int articles = Integer.getInteger("benchmark.articles", 5000);
		int words = Integer.getInteger("benchmark.words", 350);
		Path root = Files.createTempDirectory("passerelle-report-benchmark");
		Path output = root.resolve("output");
		Path journal = root.resolve("journal.jsonl");
		long generated = generate(journal, output, articles, words);
		System.out.printf(Locale.ROOT, "%nReport benchmark: %,d articles of about %d words (%,d failed), journal %s, -Xmx%s%n",
				articles, words, failures(articles), size(Files.size(journal)), maxHeap());

		long start = System.nanoTime();
		Path page = new RunReportWriter(output).write(facts(articles), journal);
		double writeSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "written in %.1f s (%.2f ms an article); peak heap in use %s; %d journal lines read%n",
				writeSeconds, writeSeconds * 1000 / articles, size(peakHeap()), generated);

		Path reports = page.getParent();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(reports)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		long total = files.stream().mapToLong(ReportBenchmark::sizeOf).sum();
		Path folder = reports.resolve(page.getFileName().toString().replace(".html", ""));
		System.out.printf(Locale.ROOT, "report: %d files, %s in all; the run's page %s; JSON Lines %s%n", files.size(),
				size(total), size(Files.size(page)), size(Files.size(reports.resolve(page.getFileName().toString().replace(".html", ".jsonl")))));

		if (!HeadlessChromium.available()) {
			System.out.println(HeadlessChromium.MISSING);
			return;
		}
		long translated = articles - failures(articles);
		List<Path> pages = List.of(page, folder.resolve("page-" + (translated + 99) / 100 + ".html"),
				folder.resolve("articles-1.html"), folder.resolve("articles-" + (translated + 19) / 20 + ".html"),
				reports.resolve("index.html"));
		System.out.printf(Locale.ROOT, "%-48s %10s %12s %14s%n", "page", "size", "height (px)", "open (median)");
		for (Path opened : pages) {
			double[] times = new double[OPENINGS];
			String height = "?";
			for (int i = 0; i < OPENINGS; i++) {
				Matcher timing = open(root, opened);
				times[i] = Double.parseDouble(timing.group(1));
				height = timing.group(2);
			}
			Arrays.sort(times);
			System.out.printf(Locale.ROOT, "%-48s %10s %12s %11.0f ms   (%s)%n", reports.relativize(opened), size(Files.size(opened)),
					height, times[OPENINGS / 2], Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.0f", t))
						.reduce((a, b) -> a + ", " + b).orElse(""));
		}
	}

	/** Opens the page in a frame of a harness page and reads back the time to load and lay it out. */
	private static Matcher open(Path root, Path page) throws IOException, InterruptedException {
		Path harness = root.resolve("harness.html");
		Files.writeString(harness, """
				<!DOCTYPE html><html><body style="margin:0"><pre id="out">pending</pre>
				<script>
				const frame = document.createElement('iframe');
				frame.style.width = '1280px'; frame.style.height = '2000px'; frame.style.border = '0';
				let t0;
				frame.onload = () => {
				  const doc = frame.contentDocument;
				  const height = doc ? doc.documentElement.getBoundingClientRect().height : -1;
				  document.getElementById('out').textContent = 'load=' + (performance.now() - t0).toFixed(1) + ' height=' + height.toFixed(0);
				};
				document.body.appendChild(frame);
				t0 = performance.now();
				frame.src = 'PAGE';
				</script></body></html>
				""".replace("PAGE", page.toUri().toString()), StandardCharsets.UTF_8);
		String dom = HeadlessChromium.run(harness, "--allow-file-access-from-files", "--window-size=1300,2100", "--dump-dom");
		Matcher timing = TIMING.matcher(dom);
		if (!timing.find()) {
			throw new IllegalStateException("the harness reported no timing for " + page + ": " + dom);
		}
		return timing;
	}

	/** A journal as a run of this size leaves it, written a chunk at a time, and each translated article's meta.json. */
	private static long generate(Path journalFile, Path output, int articles, int words) throws IOException {
		Random random = new Random(42);
		RunJournal journal = new RunJournal(journalFile);
		List<String> sources = List.of("Le Monde", "Libération", "Le Figaro", "France Info", "La Dépêche", "Mediapart");
		Path input = Path.of("/srv/passerelle/input");
		for (int n = 1; n <= articles; n++) {
			String id = String.format(Locale.ROOT, "%s/%05d.html", n % 7 == 0 ? "depeches" : "presse", n);
			SourceFile source = SourceFile.fromId(input, id);
			if (n % 100 == 0) {
				journal.add(JournalEntry.failed(source, "BAD_ANSWER", "the answer has 3 paragraphs for the article's 4", 2));
			}
			else {
				List<String> french = new ArrayList<>();
				List<String> english = new ArrayList<>();
				int left = words;
				while (left > 0) {
					StringBuilder paragraph = new StringBuilder();
					for (int s = 0; s < 3; s++) {
						paragraph.append(TestArticles.NEWS_SENTENCES.get(random.nextInt(TestArticles.NEWS_SENTENCES.size()))).append(' ');
					}
					french.add(paragraph.toString().strip());
					english.add(("This is the English translation of a paragraph about the reform of local finances, "
							+ "which the government presented on Tuesday. ").repeat(3).strip());
					left -= paragraph.toString().split(" ").length;
				}
				boolean web = n % 3 != 0;
				SourceDetails details = web ? new SourceDetails("https://www.example.fr/article/" + n, "2026-11-23T0" + (n % 10)
						+ ":15:00+01:00", "Rédaction", sources.get(n % sources.size())) : SourceDetails.NONE;
				Article article = new Article(source, "0".repeat(64), "Titre de l'article numéro " + n + " sur la réforme",
						french, "UTF-8", details);
				String base = id.substring(0, id.lastIndexOf('.'));
				journal.add(JournalEntry.translated(article, "Headline of article " + n + " on the reform", english,
						"The government presented a reform of local finances on Tuesday. Mayors are worried. "
								+ "The opposition asks for a debate.",
						new JournalEntry.Outputs(base + ".en.md", base + ".summary.md", base + ".meta.json"), 1800, 900,
						n % 10 == 0 ? List.of(new org.passerelle.quality.QualityFlag("numbers", 2, "not in the English: 35 000"))
								: List.of()));
				Path meta = output.resolve(base + ".meta.json");
				Files.createDirectories(meta.getParent());
				Files.writeString(meta, n % 10 == 0
						? "{\"quality\":{\"flags\":[{\"kind\":\"numbers\",\"paragraph\":2,\"detail\":\"not in the English: 35 000\"}]}}"
						: "{\"quality\":{\"flags\":[]}}");
			}
			if (n % 16 == 0) {
				journal.commit();
			}
		}
		journal.commit();
		return Files.lines(journalFile).count();
	}

	private static long failures(int articles) {
		return articles / 100;
	}

	private static RunFacts facts(int articles) {
		long failed = failures(articles);
		return new RunFacts(4242, LocalDate.of(2026, 11, 24), LocalDateTime.of(2026, 11, 24, 1, 0),
				LocalDateTime.of(2026, 11, 24, 3, 41, 12), "COMPLETED", "run", "/srv/passerelle/input",
				"/srv/passerelle/output", "openai", "gpt-4o-mini", "translate-article@0123456789ab", articles,
				articles - failed, 0, failed, 0, Map.of(".pdf", 3), "3 files skipped (not articles): 3 .pdf", 12,
				1800L * articles, 900L * articles, 1.62, "cd /srv/passerelle && java -jar target/passerelle.jar retry-failed "
						+ "--input /srv/passerelle/input --output /srv/passerelle/output", 0, null);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong(usage -> usage == null ? 0 : usage.getUsed())
			.sum();
	}

	private static String maxHeap() {
		return Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m";
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String size(long bytes) {
		return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0)
				: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
