package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderSettings;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file that lands in an input folder ends in one visible state (translated, unchanged, failed with
 * a reason, gone, or counted as not an article), whatever format the scraper wrote and however many
 * folders share one work directory.
 */
@SpringBootTest
class InputFoldersJobTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path workDir;

	static FakeLlmServer fake;

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@Autowired
	DataSource dataSource;

	@Autowired
	RunEstimate runEstimate;

	@TempDir
	Path home;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		fake = FakeLlmServer.start();
		FakeProviderSettings.register(registry, workDir, fake);
		registry.add("passerelle.chunk-size", () -> "2");
	}

	@AfterAll
	static void stopFake() {
		fake.close();
	}

	@BeforeEach
	void startClean() {
		JdbcClient.create(dataSource).sql("DELETE FROM PASSERELLE_ARTICLE").update();
		org.passerelle.testing.MemoryTables.empty(dataSource);
		fake.reset();
	}

	@Test
	void aFolderOfMixedFormatsComesOutWholeAndEveryOtherFileIsAccountedFor() throws Exception {
		Path input = home.resolve("in");
		Path output = home.resolve("out");
		TestArticles.write(input.resolve("a.md"), "# Les maires inquiets\n\n" + sentences(0, 2));
		TestArticles.write(input.resolve("a.txt"), "Les maires toujours inquiets\n\n" + sentences(3, 2));
		TestArticles.write(input.resolve("pages/budget.html"), page());
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			lines.add(i == 17 ? "{\"title\": \"Dépêche 17\", \"text\": \"coupée" : record(i));
		}
		TestArticles.write(input.resolve("dumps/nuit.jsonl"), String.join("\n", lines) + "\n");
		Files.write(input.resolve("rapport.pdf"), new byte[] { '%', 'P', 'D', 'F' });
		TestArticles.write(input.resolve("dumps/suite.jsonl.part"), record(51));
		TestArticles.write(input.resolve(".~lock.a.md#"), "lock");

		RunEstimate.Estimate estimate = runEstimate.estimate(input, output, false);
		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), false));

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.read()).as("a.md, a.txt, the page and 50 lines").isEqualTo(53);
		assertThat(run.written()).isEqualTo(51);
		assertThat(run.failed()).isEqualTo(2);
		assertThat(run.skipped()).isEqualTo(Map.of(".pdf", 1, ".part", 1, "hidden", 1));
		assertThat(estimate.skipped()).isEqualTo(run.skipped());
		assertThat(estimate.pending()).isEqualTo(51);
		assertThat(estimate.unusable()).isEqualTo(2);

		assertThat(Files.readString(output.resolve("a.en.md"))).contains("English");
		assertThat(JSON.readTree(output.resolve("a.meta.json").toFile()).get("source").asString())
			.as("a.md came first by name and owns a.*; a.txt did not overwrite it").isEqualTo("a.md");
		assertThat(output.resolve("pages/budget.en.md")).exists();
		JsonNode page = JSON.readTree(output.resolve("pages/budget.meta.json").toFile());
		assertThat(page.get("url").asString()).isEqualTo("https://www.exemple-presse.fr/politique/budget-2027");
		assertThat(page.get("published").asString()).startsWith("2026-11-24");
		for (int i : List.of(1, 16, 18, 50)) {
			assertThat(output.resolve("dumps/nuit.jsonl/" + i + ".en.md")).exists();
			assertThat(output.resolve("dumps/nuit.jsonl/" + i + ".summary.md")).exists();
		}
		assertThat(output.resolve("dumps/nuit.jsonl/17.en.md")).doesNotExist();
		JsonNode line3 = JSON.readTree(output.resolve("dumps/nuit.jsonl/3.meta.json").toFile());
		assertThat(line3.get("source").asString()).isEqualTo("dumps/nuit.jsonl#3");
		assertThat(line3.get("url").asString()).isEqualTo("https://www.exemple-presse.fr/depeche-3");
		assertThat(line3.get("author").asString()).isEqualTo("Claire Martin, Paul Roche");
		assertThat(line3.get("published").asString()).isEqualTo("2026-11-24T06:00:00");
		assertThat(line3.get("sourceName").asString()).isEqualTo("exemple-presse.fr");

		Map<String, String> failures = new java.util.TreeMap<>();
		ledger.failures(run.executionId()).forEach(failure -> failures.put(failure.articleId(), failure.errorMessage()));
		assertThat(failures).containsOnlyKeys("a.txt", "dumps/nuit.jsonl#17");
		assertThat(failures.get("a.txt")).contains("a.md").contains("a.txt").contains("rename");
		assertThat(failures.get("dumps/nuit.jsonl#17")).startsWith("line 17 is not valid JSON");
		LedgerEntry line3Row = JdbcClient.create(dataSource)
			.sql("SELECT * FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = 'dumps/nuit.jsonl#3'")
			.query(LedgerEntry.class)
			.single();
		assertThat(line3Row.sourceUrl()).isEqualTo("https://www.exemple-presse.fr/depeche-3");
		assertThat(line3Row.author()).isEqualTo("Claire Martin, Paul Roche");

		RunSummary secondNight = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 25), false));

		assertThat(secondNight.unchanged()).isEqualTo(51);
		assertThat(secondNight.written()).isZero();
		assertThat(JSON.readTree(output.resolve("a.meta.json").toFile()).get("source").asString()).isEqualTo("a.md");
	}

	@Test
	void theOwnerOfSharedOutputNamesIsTheFileTheyWereWrittenForEvenWhenANamesakeSortsFirst() throws Exception {
		Path input = home.resolve("in");
		Path output = home.resolve("out");
		TestArticles.write(input.resolve("a.txt"), "Les maires inquiets\n\n" + sentences(0, 2));
		runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), false));
		String before = Files.readString(output.resolve("a.en.md"));
		TestArticles.write(input.resolve("a.html"), page());

		RunSummary next = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 25), false));

		assertThat(next.failed()).isEqualTo(1);
		assertThat(next.unchanged()).isEqualTo(1);
		assertThat(Files.readString(output.resolve("a.en.md"))).isEqualTo(before);
		assertThat(ledger.failures(next.executionId())).singleElement()
			.satisfies(failure -> assertThat(failure.articleId()).isEqualTo("a.html"));
	}

	@Test
	void twoInputFoldersWithTheSameNamesKeepTheirOwnHistoryAndOneRetryFailedSendsEachBackToItsOwnFolders()
			throws Exception {
		Path lemonde = home.resolve("lemonde");
		Path liberation = home.resolve("liberation");
		TestArticles.write(lemonde.resolve("2026-11-24/article-1.txt"), "Le budget au Sénat\n\n" + sentences(0, 2));
		TestArticles.write(lemonde.resolve("2026-11-24/article-2.txt"), "Grève à la SNCF\n\n" + sentences(8, 1));
		TestArticles.write(liberation.resolve("2026-11-24/article-1.txt"), "Marseille manifeste\n\n" + sentences(9, 1));
		TestArticles.write(liberation.resolve("2026-11-24/article-2.txt"), "Les écoles rurales\n\n" + sentences(6, 2));
		Set<String> failing = Set.of("Grève à la SNCF", "Marseille manifeste");
		fake.answer(article -> failing.contains(article.get("title").asString())
				? Map.of("title", "", "paragraphs", List.of(), "summary", "")
				: FakeLlmServer.translate(article));

		RunSummary first = runs.run(new RunRequest(lemonde, home.resolve("out/lemonde"), LocalDate.of(2026, 11, 24), false));
		RunSummary second = runs.run(new RunRequest(liberation, home.resolve("out/liberation"), LocalDate.of(2026, 11, 24), false));

		assertThat(first.written()).isEqualTo(1);
		assertThat(second.written()).as("liberation's article-2 is not lemonde's, whatever their names").isEqualTo(1);
		assertThat(ledger.failures(null)).extracting(LedgerEntry::inputDir, LedgerEntry::articleId)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(abs(lemonde), "2026-11-24/article-2.txt"),
					org.assertj.core.groups.Tuple.tuple(abs(liberation), "2026-11-24/article-1.txt"));

		fake.answer(FakeLlmServer::translate);
		TranslationRuns.Retry narrowed = runs.retryFailed(lemonde, null, LocalDate.of(2026, 11, 25));

		assertThat(narrowed.found()).isEqualTo(1);
		assertThat(narrowed.runs()).singleElement().satisfies(run -> assertThat(run.inputDir()).isEqualTo(abs(lemonde)));
		assertThat(home.resolve("out/lemonde/2026-11-24/article-2.en.md")).exists();
		int requests = fake.chatRequests().size();

		TranslationRuns.Retry all = runs.retryFailed(null, null, LocalDate.of(2026, 11, 25));

		assertThat(all.found()).isEqualTo(1);
		assertThat(all.sent()).isEqualTo(1);
		assertThat(fake.chatRequests()).as("only the failed article is sent").hasSize(requests + 1);
		assertThat(fake.chatRequests().get(requests).article().get("title").asString()).isEqualTo("Marseille manifeste");
		assertThat(home.resolve("out/liberation/2026-11-24/article-1.en.md")).exists();
		assertThat(home.resolve("out/lemonde/2026-11-24/article-1.en.md")).exists();
		assertThat(ledger.failures(null)).isEmpty();
		assertThat(runs.retryFailed(null, null, LocalDate.of(2026, 11, 25)).found()).isZero();
	}

	@Test
	void aFailedArticleWhoseFileIsGoneIsReportedGoneAndLeavesTheFailuresList() throws Exception {
		Path input = home.resolve("in");
		TestArticles.writeThreeArticles(input);
		fake.answer(article -> article.get("title").asString().startsWith("Municipales")
				? Map.of("title", "", "paragraphs", List.of(), "summary", "")
				: FakeLlmServer.translate(article));
		runs.run(new RunRequest(input, home.resolve("out"), LocalDate.of(2026, 11, 24), false));
		assertThat(ledger.failures(null)).hasSize(1);
		Files.delete(input.resolve("politique/elections.md"));
		int requests = fake.chatRequests().size();

		TranslationRuns.Retry retry = runs.retryFailed(null, null, LocalDate.of(2026, 11, 25));

		assertThat(retry.found()).isEqualTo(1);
		assertThat(retry.gone()).isEqualTo(1);
		assertThat(retry.sent()).isZero();
		assertThat(retry.runs()).singleElement().satisfies(run -> {
			assertThat(run.status()).isEqualTo("COMPLETED");
			assertThat(run.failed()).isZero();
		});
		assertThat(fake.chatRequests()).hasSize(requests);
		assertThat(ledger.failures(null)).isEmpty();
		assertThat(ledger.countByStatus(ArticleLedger.GONE)).isEqualTo(1);
	}

	@Test
	void aFileRotatedAwayWhileTheRunGoesIsGoneNotFailed() throws Exception {
		Path input = home.resolve("in");
		for (String name : List.of("a", "b", "c")) {
			TestArticles.write(input.resolve(name + ".txt"), "Dépêche " + name + "\n\n" + sentences(name.charAt(0) - 'a', 1));
		}
		// chunks of two: c.txt was listed with its folder, and is deleted while the first chunk is translated
		fake.answer(article -> {
			try {
				Files.deleteIfExists(input.resolve("c.txt"));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return FakeLlmServer.translate(article);
		});

		RunSummary run = runs.run(new RunRequest(input, home.resolve("out"), LocalDate.of(2026, 11, 24), false));

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.written()).isEqualTo(2);
		assertThat(run.failed()).isZero();
		assertThat(run.gone()).isEqualTo(1);
		assertThat(run.unchanged()).isZero();
		assertThat(ledger.failures(null)).isEmpty();
	}

	private static String abs(Path folder) {
		return folder.toAbsolutePath().normalize().toString();
	}

	private static String sentences(int from, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(TestArticles.NEWS_SENTENCES.get((from + i) % TestArticles.NEWS_SENTENCES.size())).append("\n\n");
		}
		return text.toString();
	}

	/** One line of a news-please style dump. */
	private static String record(int number) {
		return JSON.writeValueAsString(Map.of("title", "Dépêche " + number + " : les communes face à la réforme",
				"maintext", TestArticles.NEWS_SENTENCES.get(number % 10) + "\n" + TestArticles.NEWS_SENTENCES.get((number + 3) % 10),
				"url", "https://www.exemple-presse.fr/depeche-" + number, "authors", List.of("Claire Martin", "Paul Roche"),
				"date_publish", "2026-11-24T06:00:00", "source_domain", "exemple-presse.fr"));
	}

	/** A saved news page: menus, a cookie banner, share links and a script around the article. */
	static String page() {
		return """
				<!DOCTYPE html>
				<html lang="fr"><head><meta charset="utf-8">
				<title>Le budget 2027 adopté au Parlement - Exemple Presse</title>
				<link rel="canonical" href="https://www.exemple-presse.fr/politique/budget-2027">
				<meta property="article:published_time" content="2026-11-24T07:30:00+01:00">
				<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le budget 2027 adopté au Parlement",
				"datePublished":"2026-11-24T07:30:00+01:00","author":{"@type":"Person","name":"Claire Martin"}}</script>
				</head><body>
				<div class="cookie-banner">Nous utilisons des cookies pour améliorer votre expérience. Accepter</div>
				<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li></ul></nav>
				<article>
				<h1>Le budget 2027 adopté au Parlement</h1>
				<div class="share">Partager sur Facebook Partager sur X</div>
				<p>Les députés ont adopté mardi soir le projet de loi de finances pour 2027 par 289 voix contre 250, au terme de trois semaines de débats.</p>
				<p>Le texte prévoit 12 milliards d'euros d'économies, principalement sur les dépenses de fonctionnement de l'État et des opérateurs publics.</p>
				<p>L'opposition a dénoncé un budget d'austérité et annoncé un recours devant le Conseil constitutionnel dans les prochains jours.</p>
				</article>
				<footer>© Exemple Presse 2026. Tous droits réservés.</footer>
				<script>window.dataLayer = [];</script>
				</body></html>
				""";
	}

}
