package org.passerelle.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.article.Article;
import org.passerelle.article.SourceDetails;
import org.passerelle.article.SourceFile;
import org.passerelle.quality.QualityFlag;
import org.passerelle.testing.HeadlessChromium;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The report made from a journal: what each page holds, what is escaped, how a large run is split. */
class RunReportWriterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path home;

	@Test
	void aSmallRunIsOnePageWithItsBriefingFailuresAndFactsAndOnePageSideBySide() throws IOException {
		Path journal = journal(translated("politique/budget.txt", "Le budget", "The budget", null),
				translated("sport.txt", "Le match", "The match", null),
				JournalEntry.failed(source("politique/vide.txt"), "BAD_INPUT", "the file is empty", 2));

		Path page = new RunReportWriter(output()).write(facts(42, 1), journal);

		assertThat(page).isEqualTo(output().resolve("_reports/2026-11-24-run-42.html"));
		Document html = Jsoup.parse(page.toFile());
		assertThat(html.select("#briefing h4").eachText()).containsExactly("The match", "The budget");
		assertThat(html.select("#briefing h3.group").eachText()).first().asString().startsWith("input");
		assertThat(html.select("#failures h4").eachText()).containsExactly("politique/vide.txt");
		assertThat(html.select("#failures").text()).contains("the file cannot be translated", "the file is empty",
				"2 attempt(s)", "retry-failed --input /srv/input");
		assertThat(html.select("#facts").text()).contains("fake-translator", "translate-article@abc", "Retries");
		assertThat(html.select("link, script, img, iframe, object")).as("nothing fetched, nothing run").isEmpty();
		assertThat(Files.readString(page)).doesNotContain("@import", "url(");
		assertThat(output().resolve("_reports/2026-11-24-run-42/articles-1.html")).exists();
		assertThat(output().resolve("_reports/2026-11-24-run-42/page-2.html")).doesNotExist();
	}

	@Test
	void whatComesFromArticlesOrTheModelIsTextNeverMarkupAndOnlyWebLinksAreFollowed() throws IOException {
		JournalEntry hostile = JournalEntry.translated(
				new Article(source("a.txt"), "0".repeat(64), "<script>alert('fr')</script>", List.of("<b>gras</b> & co"),
						"UTF-8", new SourceDetails("javascript:alert(1)", "2026-11-23", "<i>auteur</i>", "\"><script>x</script>")),
				"<script>alert('en')</script>", List.of("<img src=x onerror=alert(1)>"), "Summary </p><script>s</script>",
				outputs("a"), 1, 1, List.of());

		Path page = new RunReportWriter(output()).write(facts(7, 0), journal(hostile));

		for (Path file : List.of(page, output().resolve("_reports/2026-11-24-run-7/articles-1.html"))) {
			Document html = Jsoup.parse(file.toFile());
			assertThat(html.select("script, img, i, b:contains(gras)")).as(file.toString()).isEmpty();
			assertThat(html.select("a[href^=javascript]")).isEmpty();
			assertThat(html.text()).contains("<script>alert('en')</script>");
		}
		Document side = Jsoup.parse(output().resolve("_reports/2026-11-24-run-7/articles-1.html").toFile());
		assertThat(side.text()).contains("<b>gras</b> & co", "<img src=x onerror=alert(1)>", "Summary </p><script>s</script>");
	}

	@Test
	void articlesAreGroupedByTheirSourceWhenTheyNameOneAndFlagsShowOnTheirParagraph() throws Exception {
		Path journal = journal(translated("dump.jsonl#1", "Un", "One", "Le Monde"),
				translated("dump.jsonl#2", "Deux", "Two", "Libération"),
				translated("dump.jsonl#3", "Trois", "Three", "Le Monde",
						new QualityFlag("numbers", 1, "not in the English: 35 000"), new QualityFlag("summary", null, "names no one")));

		new RunReportWriter(output()).write(facts(8, 0), journal);

		Document html = Jsoup.parse(output().resolve("_reports/2026-11-24-run-8.html").toFile());
		assertThat(html.select("h3.group").stream().map(org.jsoup.nodes.Element::ownText)).containsExactly("Le Monde",
				"Libération");
		assertThat(html.select("#briefing h4").eachText()).containsExactly("One", "Three", "Two");
		assertThat(html.select("#b2 .pill").text()).isEqualTo("2 flag(s)");
		Document side = Jsoup.parse(output().resolve("_reports/2026-11-24-run-8/articles-1.html").toFile());
		assertThat(side.select("#a2 tr.flagged").eachText()).singleElement().asString()
			.contains("1", "numbers: not in the English: 35 000");
		assertThat(side.select("#a2 .flags").text()).contains("summary: names no one");
		assertThat(side.select("#a1 tr.flagged, #a3 tr.flagged, #a1 .flags")).isEmpty();
		if (HeadlessChromium.available()) {
			// for a person to look at: flags on their paragraph, as a browser draws them
			HeadlessChromium.screenshot(output().resolve("_reports/2026-11-24-run-8/articles-1.html"),
					Path.of("target", "report-screenshots", "side-by-side-flags.png"), 1100);
		}
	}

	@Test
	void aLargeRunIsSplitIntoPagesAndItsJsonLinesHaveOneLinePerArticle() throws IOException {
		List<JournalEntry> entries = new ArrayList<>();
		for (int i = 1; i <= 250; i++) {
			entries.add(translated(String.format("n/%03d.txt", i), "Titre " + i, "Title " + i, null));
		}
		entries.add(JournalEntry.gone(source("n/gone.txt")));

		new RunReportWriter(output()).write(facts(9, 0), journal(entries.toArray(JournalEntry[]::new)));

		Path reports = output().resolve("_reports");
		assertThat(Jsoup.parse(reports.resolve("2026-11-24-run-9.html").toFile()).select("#briefing h4")).hasSize(100);
		Document third = Jsoup.parse(reports.resolve("2026-11-24-run-9/page-3.html").toFile());
		assertThat(third.select("#briefing h4").eachText()).hasSize(50).first().isEqualTo("Title 201");
		assertThat(third.select("#briefing h4 a").first().attr("href")).isEqualTo("../2026-11-24-run-9/articles-11.html#a201");
		assertThat(Jsoup.parse(reports.resolve("2026-11-24-run-9/articles-11.html").toFile()).select("#a201 h2").text())
			.isEqualTo("Title 201");
		assertThat(reports.resolve("2026-11-24-run-9/articles-13.html")).exists();
		assertThat(reports.resolve("2026-11-24-run-9/articles-14.html")).doesNotExist();
		List<String> lines = Files.readAllLines(reports.resolve("2026-11-24-run-9.jsonl"));
		assertThat(lines).hasSize(251);
		JsonNode first = JSON.readTree(lines.get(0));
		assertThat(first.get("article").asString()).isEqualTo("n/001.txt");
		assertThat(first.get("outcome").asString()).isEqualTo("translated");
		assertThat(first.at("/outputs/translation").asString()).isEqualTo("n/001.en.md");
		assertThat(first.at("/tokens/input").asLong()).isEqualTo(100);
		assertThat(first.get("flags").isArray()).isTrue();
		assertThat(JSON.readTree(lines.get(250)).get("outcome").asString()).isEqualTo("gone");
	}

	@Test
	void theIndexListsEveryRunNewestFirst() throws IOException {
		RunReportWriter writer = new RunReportWriter(output());
		writer.write(facts(3, 0), journal());
		writer.write(facts(5, 2), journal());
		writer.write(facts(4, 0), journal());

		Document index = Jsoup.parse(output().resolve("_reports/index.html").toFile());

		assertThat(index.select("tbody tr td:first-child").eachText()).containsExactly("Run 5", "Run 4", "Run 3");
		assertThat(index.select("tbody tr").first().text()).contains("COMPLETED, 2 FAILED");
		assertThat(index.select("tbody a").first().attr("href")).isEqualTo("2026-11-24-run-5.html");
	}

	@Test
	void aChunkThatRollsBackLeavesNothingInTheJournal() throws IOException {
		RunJournal journal = new RunJournal(home.resolve("journal.jsonl"));
		journal.add(translated("a.txt", "A", "A", null));
		journal.commit();
		journal.add(translated("b.txt", "B", "B", null));
		journal.discard();
		journal.add(translated("c.txt", "C", "C", null));
		journal.commit();

		assertThat(Files.readAllLines(journal.file())).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("b.txt"));
	}

	private Path output() {
		return home.resolve("output");
	}

	private Path journal(JournalEntry... entries) {
		Path file = home.resolve("journal-" + System.nanoTime() + ".jsonl");
		RunJournal journal = new RunJournal(file);
		for (JournalEntry entry : entries) {
			journal.add(entry);
		}
		journal.commit();
		return file;
	}

	static SourceFile source(String id) {
		return SourceFile.fromId(Path.of("/srv/input"), id);
	}

	@Test
	void aJournalLineWithoutFlagsTakesThemFromTheArticlesMetadata() throws Exception {
		JournalEntry carried = translated("dump.jsonl#3", "Trois", "Three", "Le Monde");
		JournalEntry withoutFlags = new JournalEntry(carried.article(), carried.outcome(), carried.inputFolder(),
				carried.french(), carried.english(), carried.summary(), carried.details(), carried.outputs(),
				carried.inputTokens(), carried.outputTokens(), null, null, 0, null);
		Files.createDirectories(output().resolve("dump.jsonl"));
		Files.writeString(output().resolve("dump.jsonl/3.meta.json"), """
				{"source":"dump.jsonl#3","quality":{"flags":[
				  {"kind":"numbers","paragraph":1,"detail":"not in the English: 35 000"}]}}""");

		new RunReportWriter(output()).write(facts(9, 0), journal(withoutFlags));

		Document html = Jsoup.parse(output().resolve("_reports/2026-11-24-run-9.html").toFile());
		assertThat(html.select("#b1 .pill").text()).isEqualTo("1 flag(s)");
	}

	static JournalEntry translated(String id, String french, String english, String sourceName, QualityFlag... flags) {
		String base = id.contains("#") ? id.replace('#', '/') : id.substring(0, id.lastIndexOf('.'));
		return JournalEntry.translated(new Article(source(id), "0".repeat(64), french, List.of("Premier paragraphe."), "UTF-8",
				new SourceDetails(null, null, null, sourceName)), english, List.of("First paragraph."), "A summary of " + english + ".",
				outputs(base), 100, 50, List.of(flags));
	}

	static JournalEntry.Outputs outputs(String base) {
		return new JournalEntry.Outputs(base + ".en.md", base + ".summary.md", base + ".meta.json");
	}

	static RunFacts facts(long id, long failed) {
		return new RunFacts(id, LocalDate.of(2026, 11, 24), LocalDateTime.of(2026, 11, 24, 2, 0),
				LocalDateTime.of(2026, 11, 24, 2, 7, 30), "COMPLETED", "run", "/srv/input", "/srv/output", "openai",
				"fake-translator", "translate-article@abc", 3, 2, 0, failed, 0, Map.of(".pdf", 1), "1 file skipped", 0, 1000,
				500, null, "cd /srv && java -jar target/passerelle.jar retry-failed --input /srv/input --output /srv/output", 0,
				null);
	}

}
