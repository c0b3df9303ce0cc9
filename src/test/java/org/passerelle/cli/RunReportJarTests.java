package org.passerelle.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.Await;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.HeadlessChromium;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;
import org.passerelle.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as its readers meet it, the run's JSON Lines, and {@code status} while a run holds the
 * work directory: the built jar in a child JVM, the report read in headless Chromium.
 */
class RunReportJarTests {

	/** Screenshots the test keeps, for a person to look at. */
	static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern NUMBER = Pattern.compile("(\\d+)");

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@Test
	void aNightOfThirtyArticlesWithAFewFailingGivesAReportABrowserShowsWhole() throws Exception {
		Path input = home.resolve("input");
		List<String> folders = List.of("politique", "economie", "sport");
		// no two stories share both paragraphs: a summary is reused only for the very same paragraphs, and
		// each story's summary here names its own number
		for (int n = 1; n <= 27; n++) {
			String title = n == 13 ? "Le titre piégé <script>alert(1)</script> du numéro 13" : "Dépêche numéro " + n + " de la nuit";
			TestArticles.write(input.resolve(folders.get(n % 3) + "/depeche-" + n + ".txt"), title + "\n\n"
					+ TestArticles.NEWS_SENTENCES.get(n % 10) + "\n\n" + TestArticles.NEWS_SENTENCES.get((n + 3 + n / 10) % 10) + "\n");
		}
		// the failing articles' text is their own: a paragraph the translation memory already holds would
		// not be asked again, and so could not fail
		TestArticles.write(input.resolve("politique/echec-28.txt"), "Échec numéro 28\n\n" + failingParagraph(28) + "\n");
		TestArticles.write(input.resolve("sport/echec-29.txt"), "Échec numéro 29\n\n" + failingParagraph(29) + "\n");
		Files.write(input.resolve("economie/vide-30.txt"), new byte[0]);
		fake.answer(RunReportJarTests::answer);

		JarProcess.Result run = passerelle.run("run", "--date", "2026-11-24");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SOME_ARTICLES_FAILED);
		assertThat(run.stdout()).contains("30 read, 27 translated, 0 unchanged, 3 failed");
		Path report = Path.of(run.stdout().lines().filter(line -> line.startsWith("Report: ")).findFirst().orElseThrow()
			.substring("Report: ".length()));
		assertThat(report.getFileName().toString()).matches("2026-11-24-run-\\d+\\.html");
		assertThat(report.getParent()).isEqualTo(home.resolve("output/_reports"));

		Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
		Document page = HeadlessChromium.dom(report);
		String seen = page.body().text();
		for (int n = 1; n <= 27; n++) {
			assertThat(seen).contains(n == 13 ? "The trapped headline <script>alert(1)</script> of story 13"
					: "The English headline of the story, with the figures " + n + ".");
			assertThat(seen).contains("Story " + n + " is told here in English.");
		}
		assertThat(page.select("script")).as("a title is text, never a script").isEmpty();
		assertThat(page.select("#failures h4").eachText()).containsExactlyInAnyOrder("politique/echec-28.txt",
				"sport/echec-29.txt", "economie/vide-30.txt");
		String failures = page.select("#failures").text();
		assertThat(failures).contains("the model's answer was unusable", "the answer has 0 paragraphs for the article's 1",
				"the file cannot be translated", "the file is empty");
		String rerun = page.select("#failures pre.cmd").first().text();
		assertThat(rerun).isEqualTo("cd " + home + " && java -jar " + System.getProperty("passerelle.jar", "target/passerelle.jar")
				+ " retry-failed --input " + input + " --output " + home.resolve("output"));
		assertThat(page.select("#facts").text()).contains("fake-translator", "translate-article@", "Articles read 30");
		String detail = page.select("#briefing h4 a").first().attr("href");
		Path sideBySide = report.getParent().resolve(detail.substring(0, detail.indexOf('#')));
		Document side = HeadlessChromium.dom(sideBySide);
		assertThat(side.select("table.pairs tbody tr").first().text()).contains("Dépêche numéro");
		assertThat(side.select("td.fr").eachText()).contains(TestArticles.NEWS_SENTENCES.get(1));
		HeadlessChromium.screenshot(report, SCREENSHOTS.resolve("briefing.png"), 2000);
		HeadlessChromium.screenshot(sideBySide, SCREENSHOTS.resolve("side-by-side.png"), 2000);
		HeadlessChromium.screenshot(report.getParent().resolve("index.html"), SCREENSHOTS.resolve("index.png"), 700);

		List<JsonNode> lines = Files.readAllLines(report.resolveSibling(report.getFileName().toString().replace(".html", ".jsonl")))
			.stream().map(JSON::readTree).toList();
		assertThat(lines).hasSize(30);
		assertThat(lines).filteredOn(line -> line.get("outcome").asString().equals("failed")).hasSize(3)
			.allSatisfy(line -> assertThat(line.at("/error/message").asString()).isNotBlank());
		JsonNode failuresJson = JSON.readTree(passerelle.run("failures", "--json").stdout());
		assertThat(failuresJson.get("count").asInt()).isEqualTo(3);

		// the command the report gives, pasted into a shell once the cause is fixed, sends them again
		fake.answer(FakeLlmServer::translate);
		JarProcess.Result retried = passerelle.shell(rerun);
		assertThat(retried.stdout()).as(retried.all()).contains("3 failed article(s) found", "2 translated");
		assertThat(JSON.readTree(passerelle.run("failures", "--json").stdout()).at("/failures/0/article").asString())
			.isEqualTo("economie/vide-30.txt");
	}

	@Test
	void statusDuringARunShowsItRunningWithItsCountsAndTheHistoryBelow() throws Exception {
		TestArticles.writeThreeArticles(home.resolve("input"));
		assertThat(passerelle.run("run").exitCode()).isEqualTo(ExitCodes.OK);
		for (int n = 1; n <= 10; n++) {
			TestArticles.write(home.resolve("input/nuit/depeche-" + n + ".txt"),
					"Dépêche numéro " + n + "\n\n" + TestArticles.NEWS_SENTENCES.get(n % 10) + "\n");
		}
		// four answers go through, then the run waits on the provider for as long as the test needs
		fake.holdAfter(4);
		JarProcess.Running night = passerelle.start("run");
		fake.awaitHeld(1);
		Path progress = home.resolve(".passerelle/progress.json");
		Await.until("the run to publish 4 articles done of 13", () -> {
			JsonNode now = readProgress(progress);
			return now != null && now.path("done").asLong() == 4 && now.path("total").asLong() == 13;
		}, () -> "progress.json: " + readProgress(progress));

		JarProcess.Result status = passerelle.run("status");
		JarProcess.Result json = passerelle.run("status", "--json");

		assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
		if (TestDatabase.postgresql()) {
			// on a server, status reads the run from the database itself: STARTED, with its committed counts
			assertThat(status.stdout()).contains("STARTED", "COMPLETED");
			assertThat(json.exitCode()).as(json.all()).isEqualTo(ExitCodes.OK);
			assertThat(JSON.readTree(json.stdout()).at("/runs/0/status").asString()).isEqualTo("STARTED");
		}
		else {
			assertThat(status.stdout()).contains("RUNNING", "4/13 done (4 translated, 0 unchanged), 0 failed", "COMPLETED")
				.contains("as the running process published them");
			assertThat(json.exitCode()).as(json.all()).isEqualTo(ExitCodes.OK);
			JsonNode parsed = JSON.readTree(json.stdout());
			assertThat(parsed.at("/running/status").asString()).isEqualTo("RUNNING");
			assertThat(parsed.at("/running/done").asLong()).isEqualTo(4);
			assertThat(parsed.at("/running/translated").asLong()).isEqualTo(4);
			assertThat(parsed.at("/running/total").asLong()).isEqualTo(13);
			assertThat(parsed.at("/running/inputTokens").asLong()).isPositive();
			assertThat(parsed.at("/running/pid").asLong()).isEqualTo(night.process().pid());
			assertThat(parsed.get("history").asString()).isEqualTo("published");
			assertThat(parsed.at("/runs/0/status").asString()).isEqualTo("COMPLETED");
			assertThat(parsed.at("/runs/0/translated").asLong()).isEqualTo(3);
		}
		assertThat(passerelle.run("run").exitCode()).as("a second run is still refused").isEqualTo(ExitCodes.LOCKED);

		fake.release();
		JarProcess.Result finished = night.await();
		assertThat(finished.exitCode()).as(finished.all()).isEqualTo(ExitCodes.OK);
		assertThat(progress).doesNotExist();
		JsonNode after = JSON.readTree(passerelle.run("status", "--json").stdout());
		assertThat(after.get("running").isNull()).isTrue();
		assertThat(after.get("history").asString()).isEqualTo("database");
		assertThat(after.at("/runs/0/translated").asLong()).isEqualTo(10);
		assertThat(after.get("runs")).hasSize(2);
	}

	@Test
	void noReportOrReportFalseWritesNone() throws Exception {
		TestArticles.writeThreeArticles(home.resolve("input"));

		JarProcess.Result run = passerelle.run("run", "--no-report");
		TestArticles.write(home.resolve("input/sport.txt"), "Le match est reporté\n\nLa rencontre aura lieu le 12 mars.\n");
		JarProcess.Result second = passerelle.env("PASSERELLE_REPORT", "false").run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
		assertThat(second.stdout()).as(second.all()).contains("1 translated").doesNotContain("Report:");
		assertThat(home.resolve("output/_reports")).doesNotExist();
		assertThat(home.resolve(".passerelle/journal")).isEmptyDirectory();
	}

	private static JsonNode readProgress(Path file) {
		try {
			return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The fake's translation, with a summary of its own for each story, a trapped title, and two unusable answers. */
	private static String failingParagraph(int n) {
		return "Le conseil municipal n'a pris aucune décision sur le dossier numéro " + n
				+ ", a indiqué mardi soir un porte-parole de la mairie, qui attend encore l'avis des services de l'État.";
	}

	private static Object answer(JsonNode article) {
		String title = article.get("title").asString();
		Matcher number = NUMBER.matcher(title.replace("alert(1)", ""));
		String n = number.find() ? number.group(1) : "?";
		if (title.startsWith("Échec")) {
			return Map.of("title", "Failure", "paragraphs", List.of(), "summary", "Nothing.");
		}
		Map<String, Object> answer = new HashMap<>(FakeLlmServer.translate(article));
		if (title.contains("<script>")) {
			answer.put("title", "The trapped headline <script>alert(1)</script> of story 13");
		}
		answer.put("summary", "Story " + n + " is told here in English.");
		return answer;
	}

}
