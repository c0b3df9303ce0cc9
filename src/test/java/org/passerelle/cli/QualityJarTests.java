package org.passerelle.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glossary, {@code review} and {@code evaluate} as a user types them, against the built jar: a run
 * with a glossary beside the input folder, the flagged article listed, the translations scored against
 * references as sacreBLEU scores them, and a glossary with a bad line refused before anything starts.
 */
class QualityJarTests {

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@Test
	void aRunWithAGlossaryThenReviewThenEvaluate() throws Exception {
		Files.writeString(home.resolve("glossary.tsv"), "# house style\nOSDH\tSOHR\torganisation\n");
		TestArticles.write(home.resolve("input/syrie.txt"), """
				Syrie : le bilan des combats s'alourdit

				Selon l'OSDH, les combats ont fait 311 morts depuis mercredi dans la région.
				""");
		TestArticles.write(home.resolve("input/chien.txt"), """
				Le chien a mordu l'homme

				Ce n'était pas surprenant, selon les voisins du quartier.

				L'homme venait tout juste de le mordre, affirment les témoins.
				""");
		TestArticles.write(home.resolve("input/relations.txt"), """
				La relation entre Obama et Netanyahou n'est pas vraiment amicale

				L'évaluation des risques doit être faite par ceux qui sont qualifiés et experts dans le domaine, les scientifiques.
				""");
		// the translations and references are sacreBLEU's own test sentences
		Map<String, Map<String, Object>> answers = Map.of(
				"Le chien a mordu l'homme", Map.of("title", "The dog bit the man.", "paragraphs",
						List.of("It wasn't surprising.", "The man had just bitten him."), "summary", "A dog bit a man."),
				"La relation entre Obama et Netanyahou n'est pas vraiment amicale", Map.of("title",
						"The relationship between Obama and Netanyahu is not exactly friendly.", "paragraphs",
						List.of("Risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists."),
						"summary", "Obama and Netanyahu are not friends."));
		fake.answer(article -> answers.containsKey(article.get("title").asString()) ? answers.get(article.get("title").asString())
				: FakeLlmServer.translate(article));
		TestArticles.write(home.resolve("refs/chien.ref.en.txt"),
				"The dog bit the man.\n\nIt was not unexpected.\n\nThe man bit him first.\n");
		TestArticles.write(home.resolve("refs/relations.en.txt"), "The relationship between Obama and Netanyahu is not exactly warm.\n\n"
				+ "Risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists.\n");

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
		assertThat(run.stdout()).contains("3 translated").contains("quality flags to review: java -jar target/passerelle.jar review");
		assertThat(run.all()).contains("glossary: 1 entries from " + home.resolve("glossary.tsv").toAbsolutePath());

		JarProcess.Result review = passerelle.run("review");
		assertThat(review.exitCode()).as(review.all()).isEqualTo(ExitCodes.OK);
		assertThat(review.stdout()).contains("syrie.txt  (run ").contains("glossary, required English forms not used: OSDH → SOHR")
			.contains("to review. Flags are hints, not failures");
		assertThat(passerelle.run("review", "--since", "2000-01-01").stdout()).contains("syrie.txt");
		JsonNode reviewJson = JsonMapper.builder().build().readTree(passerelle.run("review", "--json").stdout());
		List<String> flagged = reviewJson.get("articles").valueStream().map(article -> article.get("article").asString()).toList();
		assertThat(reviewJson.get("count").asInt()).as("the count is the articles listed").isEqualTo(flagged.size());
		assertThat(flagged).as("the same articles as the text").contains("syrie.txt")
			.allSatisfy(article -> assertThat(review.stdout()).contains(article + "  (run "));
		JsonNode syrie = reviewJson.get("articles").valueStream()
			.filter(article -> article.get("article").asString().equals("syrie.txt")).findFirst().orElseThrow();
		assertThat(syrie.get("flagCount").asInt()).isEqualTo(syrie.get("flags").size());
		assertThat(syrie.get("flags").valueStream().map(JsonNode::toString))
			.anySatisfy(flag -> assertThat(flag).containsIgnoringCase("glossary").contains("SOHR"));

		JarProcess.Result evaluate = passerelle.run("evaluate", "--references", "refs");
		assertThat(evaluate.exitCode()).as(evaluate.all()).isEqualTo(ExitCodes.OK);
		// sacreBLEU 2.6.0 with its defaults gives these for the same segments
		assertThat(evaluate.stdout()).containsPattern("50\\.04\\s+45\\.07\\s+3\\s+chien\\.txt")
			.containsPattern("73\\.33\\s+44\\.25\\s+2\\s+relations\\.txt")
			.contains("Corpus: chrF2 = 67.77, BLEU = 44.47, over 2 articles (5 segments).")
			.contains("1 translated article(s) have no reference")
			.contains("chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no")
			.contains("BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp");
		assertThat(evaluate.stdout().indexOf("chien.txt")).as("worst first").isLessThan(evaluate.stdout().indexOf("relations.txt"));
		JsonNode report = JsonMapper.builder().build().readTree(home.resolve("output/evaluation.json").toFile());
		assertThat(report.at("/chrf/score").asDouble()).isBetween(67.7715, 67.7717);
		assertThat(report.get("articles")).hasSize(2);
		assertThat(passerelle.run("evaluate", "--references", "refs", "--model", "another-model").stdout())
			.contains("No translated article");
	}

	@Test
	void aGlossaryWithABadLineStopsTheRunWithTheLine() throws Exception {
		Files.writeString(home.resolve("glossary.tsv"), "OSDH\tSOHR\nAlep Aleppo\n");
		TestArticles.writeThreeArticles(home.resolve("input"));

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr()).contains("passerelle: glossary error: " + home.resolve("glossary.tsv").toAbsolutePath()
				+ ", line 2: expected a French term, a tab, then the English term");
		assertThat(fake.chatRequests()).isEmpty();
	}

}
