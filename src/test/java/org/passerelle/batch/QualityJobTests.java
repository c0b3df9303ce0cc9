package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.quality.QualityFlag;
import org.passerelle.quality.glossary.InvalidGlossaryException;
import org.passerelle.testing.EnglishNews;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The glossary and the quality flags through the whole job: a real HSQLDB file, real files, the real
 * OpenAI client against the fake provider. The context window is small, so long articles go in parts.
 */
@SpringBootTest
class QualityJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.llm.context-tokens", "2500")
		.with("passerelle.llm.batch.poll-interval", "50ms");

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@Autowired
	DataSource dataSource;

	@Autowired
	RunEstimate runEstimate;

	@TempDir
	Path newsroom;

	Path input;

	Path output;

	@BeforeEach
	void startClean() throws IOException {
		// the default place for the glossary: beside the input folder
		input = Files.createDirectories(newsroom.resolve("input"));
		output = newsroom.resolve("output");
	}

	@Test
	void withFiveHundredEntriesAndThirtyArticlesRequestsCarryOnlyTheEntriesTheirArticleUses() throws Exception {
		List<String[]> entries = syntheticEntries(500);
		Map<String, List<String[]>> usedBy = new LinkedHashMap<>();
		for (int k = 1; k <= 30; k++) {
			// a third of the articles use one to three entries; the others none
			List<String[]> used = k <= 10 ? entries.subList(k * 7, k * 7 + 1 + k % 3) : List.of();
			String title = "Dépêche n° " + k + " : les collectivités face à la réforme";
			usedBy.put(title, used);
			StringBuilder text = new StringBuilder(title).append("\n\n");
			for (int p = 0; p < 4; p++) {
				text.append(TestArticles.NEWS_SENTENCES.get((k + p) % 10)).append(' ')
					.append(TestArticles.NEWS_SENTENCES.get((k + p + 3) % 10));
				if (p < used.size()) {
					text.append(" Le ").append(used.get(p)[0]).append(" a salué la décision.");
				}
				text.append("\n\n");
			}
			TestArticles.write(input.resolve(String.format("depeche-%02d.txt", k)), text.toString());
		}
		// a translator that uses the glossary's English, so that nothing is asked twice
		fake.answer(article -> {
			Map<String, Object> answer = new HashMap<>(FakeLlmServer.translate(article));
			List<String> forms = usedBy.getOrDefault(article.get("title").asString(), List.of()).stream()
				.map(entry -> entry[1]).toList();
			if (!forms.isEmpty()) {
				answer.put("title", answer.get("title") + " (" + String.join(", ", forms) + ")");
			}
			return answer;
		});

		RunSummary without = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));
		long tokensWithout = fake.promptTokenTotal();
		long estimatedWithout = runEstimate.estimate(input, output, true).inputTokens();
		Files.writeString(newsroom.resolve("glossary.tsv"), tsv(entries));
		RunEstimate.Estimate estimatedWith = runEstimate.estimate(input, output, false);
		fake.forgetRequests();
		RunSummary with = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 2), true));
		long tokensWith = fake.promptTokenTotal() - tokensWithout;

		assertThat(without.written()).isEqualTo(30);
		assertThat(estimatedWith.pending()).as("the ten articles using entries are due again, and only they").isEqualTo(10);
		assertThat(runEstimate.estimate(input, output, true).inputTokens()).as("the dry run counts the entries sent")
			.isGreaterThan(estimatedWithout);
		assertThat(with.written()).isEqualTo(30);
		assertThat(fake.chatRequests()).as("one request an article, none asked twice").hasSize(30);
		for (FakeLlmServer.Recorded request : fake.chatRequests()) {
			String title = request.article().get("title").asString();
			List<String> carried = glossaryLines(system(request));
			assertThat(carried).as(title).containsExactlyInAnyOrderElementsOf(usedBy.get(title).stream()
				.map(entry -> "- " + entry[0] + " → " + entry[1] + (entry[2].isEmpty() ? "" : " (" + entry[2] + ")"))
				.toList());
			if (carried.isEmpty()) {
				assertThat(system(request)).as("no glossary at all for an article that uses none").doesNotContain("Glossary");
			}
		}
		long wholeGlossary = CL100K.countTokensOrdinary(tsv(entries).replace('\t', ' '));
		System.out.printf("Glossary of %d entries, 30 articles (10 using 1 to 3 entries): prompt tokens %,d without "
				+ "the glossary, %,d with it (+%,d); the whole glossary in every request would add about %,d.%n",
				entries.size(), tokensWithout, tokensWith, tokensWith - tokensWithout, 30 * wholeGlossary);
		assertThat(tokensWith - tokensWithout).as("only the entries used are paid for").isPositive()
			.isLessThan(wholeGlossary);
	}

	@Test
	void aModelThatIgnoresAGlossaryTermIsAskedOnceMoreNamingItThenTheArticleIsWrittenAndFlagged() throws Exception {
		Files.writeString(newsroom.resolve("glossary.tsv"), "# house style\nOSDH\tSOHR\torganisation\nAlep\tAleppo\n");
		TestArticles.write(input.resolve("syrie.txt"), """
				Syrie : les rebelles aux portes d'Alep

				Selon l'OSDH, les combats ont fait 311 morts depuis mercredi dans la province.
				""");

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		List<FakeLlmServer.Recorded> requests = fake.chatRequests();
		assertThat(requests).as("the answer, then one retry").hasSize(2);
		assertThat(glossaryLines(system(requests.get(0)))).containsExactly("- OSDH → SOHR (organisation)", "- Alep → Aleppo");
		assertThat(system(requests.get(0))).doesNotContain("did not use");
		assertThat(system(requests.get(1))).contains("did not use the glossary's English for: OSDH → SOHR, Alep → Aleppo");
		JsonNode quality = JSON.readTree(output.resolve("syrie.meta.json").toFile()).get("quality");
		assertThat(quality.get("glossaryTerms").asInt()).isEqualTo(2);
		assertThat(quality.get("flags").findValuesAsString("detail"))
			.contains("required English forms not used: OSDH → SOHR, Alep → Aleppo");
		LedgerEntry row = ledger.flagged(run.executionId(), null).get(0);
		assertThat(row.articleId()).isEqualTo("syrie.txt");
		assertThat(ArticleLedger.flagsOf(row)).extracting(QualityFlag::kind).contains(QualityFlag.GLOSSARY);
		assertThat(row.glossarySha256()).hasSize(64);
	}

	@Test
	void aModelThatUsesTheTermWhenAskedAgainLeavesNoGlossaryFlag() throws Exception {
		Files.writeString(newsroom.resolve("glossary.tsv"), "OSDH\tSOHR\n");
		TestArticles.write(input.resolve("syrie.txt"), "Syrie : le bilan s'alourdit\n\nSelon l'OSDH, les combats ont fait 311 morts.\n");
		fake.thenReply(FakeLlmServer.Reply.content(answer("According to the OSHR, the fighting has killed 311 people."), "stop"),
				FakeLlmServer.Reply.content(answer("According to the SOHR, the fighting has killed 311 people."), "stop"));

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));

		assertThat(fake.chatRequests()).hasSize(2);
		assertThat(Files.readString(output.resolve("syrie.en.md"))).contains("SOHR").doesNotContain("OSHR");
		assertThat(ledger.flagged(run.executionId(), null)).isEmpty();
	}

	@Test
	void aTermWrittenWithCapitalsIsNeitherSentNorAskedForNorFlaggedWhereTheArticleHasTheCommonWord() throws Exception {
		Files.writeString(newsroom.resolve("glossary.tsv"),
				"Le Monde\tLe Monde\tdo not translate\nTotal\tTotal\toil company\nMarche\tEn Marche\tthe party\n");
		TestArticles.write(input.resolve("marche.txt"), "Marche blanche à Troyes\n\nTout le monde était là dès l'aube. "
				+ "Total, 300 personnes ont pris part à une marche silencieuse.\n");
		fake.thenReply(FakeLlmServer.Reply.content(JSON.writeValueAsString(Map.of("title", "Silent march in Troyes",
				"paragraphs", List.of("Everyone was there from dawn. In all, 300 people took part in a silent march."),
				"summary", "Some 300 people marched in silence in Troyes.")), "stop"));

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));

		assertThat(run.written()).isEqualTo(1);
		assertThat(fake.chatRequests()).as("one request, never asked again").singleElement()
			.satisfies(request -> assertThat(system(request)).doesNotContain("Glossary").doesNotContain("Le Monde"));
		JsonNode meta = JSON.readTree(output.resolve("marche.meta.json").toFile());
		assertThat(meta.at("/quality/glossaryTerms").asInt()).isZero();
		assertThat(meta.at("/quality/flags")).isEmpty();
		assertThat(ledger.flagged(run.executionId(), null)).isEmpty();
	}

	@Test
	void inBatchModeTheBatchCarriesTheGlossaryAndOnlyTheSecondAskGoesLive() throws Exception {
		Files.writeString(newsroom.resolve("glossary.tsv"), "OSDH\tSOHR\n");
		TestArticles.write(input.resolve("syrie.txt"), "Syrie : le bilan s'alourdit\n\nSelon l'OSDH, les combats ont fait 311 morts.\n");
		TestArticles.write(input.resolve("budget.txt"), "Le budget adopté\n\nLes députés ont adopté le budget mardi soir.\n");
		fake.batches().reset();
		int batches = fake.batches().created();

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false, false, true));

		assertThat(run.written()).isEqualTo(2);
		assertThat(fake.batches().created()).isEqualTo(batches + 1);
		List<List<String>> carried = fake.batches().requests().stream().map(QualityJobTests::systemOf)
			.map(QualityJobTests::glossaryLines).toList();
		assertThat(carried).containsExactlyInAnyOrder(List.of("- OSDH → SOHR"), List.<String>of());
		// the batch's answer ignored the term: the one request naming it is the only live call
		assertThat(fake.chatRequests()).singleElement().satisfies(request -> assertThat(system(request))
			.contains("did not use the glossary's English for: OSDH → SOHR"));
		assertThat(ledger.flagged(run.executionId(), null)).extracting(LedgerEntry::articleId).containsExactly("syrie.txt");
	}

	@Test
	void editingAnEntryTranslatesAgainOnlyTheArticlesThatContainIt() throws Exception {
		Map<String, String> forms = new ConcurrentHashMap<>(Map.of("OSDH", "SOHR", "gilets jaunes", "yellow vests"));
		writeGlossary(forms);
		TestArticles.write(input.resolve("syrie.txt"), "Syrie : le bilan s'alourdit\n\nSelon l'OSDH, les combats ont fait 311 morts.\n");
		TestArticles.write(input.resolve("social.txt"), "Mobilisation sociale\n\nLes gilets jaunes manifestent à Paris samedi.\n");
		TestArticles.write(input.resolve("budget.txt"), "Le budget adopté\n\nLes députés ont adopté le budget mardi soir.\n");
		fake.answer(article -> {
			Map<String, Object> answer = new HashMap<>(FakeLlmServer.translate(article));
			String french = article.toString();
			forms.forEach((term, english) -> {
				if (french.contains(term)) {
					answer.put("title", answer.get("title") + " (" + english + ")");
				}
			});
			return answer;
		});
		assertThat(run(1).written()).isEqualTo(3);

		forms.put("OSDH", "Syrian Observatory for Human Rights");
		writeGlossary(forms);
		fake.forgetRequests();
		RunSummary edited = run(2);

		assertThat(edited.written()).isEqualTo(1);
		assertThat(edited.unchanged()).isEqualTo(2);
		assertThat(fake.answeredTitles()).containsOnlyKeys("Syrie : le bilan s'alourdit");
		assertThat(Files.readString(output.resolve("syrie.en.md"))).contains("Syrian Observatory for Human Rights");

		forms.put("Alep", "Aleppo");
		writeGlossary(forms);
		assertThat(run(3).written()).as("an entry no article uses changes nothing").isZero();

		Files.delete(newsroom.resolve("glossary.tsv"));
		fake.forgetRequests();
		assertThat(run(4).written()).as("without the glossary, the two articles that used it").isEqualTo(2);
		assertThat(fake.answeredTitles()).containsOnlyKeys("Syrie : le bilan s'alourdit", "Mobilisation sociale");
	}

	@Test
	void aGlossaryThatCannotBeReadStopsTheRunBeforeItStarts() throws Exception {
		Files.writeString(newsroom.resolve("glossary.tsv"), "OSDH\tSOHR\nOSDH\tSyrian Observatory\n");
		TestArticles.writeThreeArticles(input);
		long executions = JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();

		assertThatThrownBy(() -> run(1)).isInstanceOf(InvalidGlossaryException.class)
			.hasMessageContaining("glossary.tsv, line 2: 'OSDH' is already in the glossary, on line 1");
		assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single())
			.isEqualTo(executions);
		assertThat(fake.chatRequests()).isEmpty();
	}

	@Test
	void aSentenceDroppedFromOneParagraphOfALongArticleFlagsExactlyThatParagraph() throws Exception {
		List<String> paragraphs = longArticle();
		String title = "Réforme des collectivités : les maires inquiets";
		TestArticles.write(input.resolve("longue.txt"), title + "\n\n" + String.join("\n\n", paragraphs) + "\n");
		String spoiled = paragraphs.get(6);
		fake.answer(EnglishNews.translator(Map.of(title, "Local government reform: mayors worried"), (french, english) -> {
			if (!french.equals(spoiled)) {
				return english;
			}
			// the longest sentence of paragraph 7 left out
			List<String> sentences = new ArrayList<>(List.of(english.split("(?<=[.\"]) (?=[A-Z\"])")));
			sentences.remove(sentences.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow());
			return String.join(" ", sentences);
		}));

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));

		assertThat(run.written()).isEqualTo(1);
		assertThat(fake.chatRequests()).as("in parts, then a summary").hasSizeGreaterThan(2);
		JsonNode flags = JSON.readTree(output.resolve("longue.meta.json").toFile()).at("/quality/flags");
		assertThat(flags).as(flags.toString()).hasSize(1);
		assertThat(flags.get(0).get("kind").asString()).isEqualTo(QualityFlag.LENGTH);
		assertThat(flags.get(0).get("paragraph").asInt()).isEqualTo(7);
		assertThat(flags.get(0).get("detail").asString()).contains("3 sentences for 4");
	}

	@Test
	void aFaithfulTranslationOfALongArticleRaisesNoFlag() throws Exception {
		List<String> paragraphs = longArticle();
		TestArticles.write(input.resolve("fidele.txt"), "La réforme des collectivités\n\n" + String.join("\n\n", paragraphs) + "\n");
		fake.answer(EnglishNews.translator(Map.of("La réforme des collectivités", "The reform of local government"),
				(french, english) -> english));

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));

		assertThat(run.written()).isEqualTo(1);
		assertThat(fake.chatRequests()).as("in parts, then a summary").hasSizeGreaterThan(2);
		assertThat(JSON.readTree(output.resolve("fidele.meta.json").toFile()).at("/quality/flags")).isEmpty();
		assertThat(ledger.flaggedCount(run.executionId())).isZero();
	}

	/** Ten paragraphs of four sentences, each paragraph its own: too long for one request in this window. */
	private static List<String> longArticle() {
		List<String> paragraphs = new ArrayList<>();
		for (int p = 0; p < 10; p++) {
			List<String> sentences = new ArrayList<>();
			for (int s = 0; s < 4; s++) {
				sentences.add(TestArticles.NEWS_SENTENCES.get((p + 3 * s) % 10));
			}
			paragraphs.add(String.join(" ", sentences));
		}
		return paragraphs;
	}

	private RunSummary run(int day) throws Exception {
		return runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, day), false));
	}

	private void writeGlossary(Map<String, String> forms) throws IOException {
		StringBuilder tsv = new StringBuilder();
		forms.forEach((french, english) -> tsv.append(french).append('\t').append(english).append('\n'));
		Files.writeString(newsroom.resolve("glossary.tsv"), tsv.toString());
	}

	private static String answer(String paragraph) {
		return JSON.writeValueAsString(Map.of("title", "Syria: the toll rises", "paragraphs", List.of(paragraph), "summary",
				"The SOHR counts 311 dead."));
	}

	/** Made-up committees, none of which the test articles name by chance. */
	private static List<String[]> syntheticEntries(int count) {
		String[] starts = { "Bel", "Mar", "Ver", "Ros", "Lan", "Cor", "Sau", "Val", "Mon", "Fleur" };
		String[] middles = { "ga", "li", "no", "ra", "te", "vi", "so", "de", "mi", "pe" };
		String[] ends = { "mont", "ville", "court", "bourg", "champ" };
		List<String[]> entries = new ArrayList<>();
		for (int i = 0; entries.size() < count; i++) {
			String name = starts[i % 10] + middles[(i / 10) % 10] + ends[(i / 100) % 5];
			entries.add(new String[] { "Comité " + name, name + " Committee", i % 4 == 0 ? "organisation" : "" });
		}
		return entries;
	}

	private static String tsv(List<String[]> entries) {
		StringBuilder tsv = new StringBuilder();
		for (String[] entry : entries) {
			tsv.append(entry[0]).append('\t').append(entry[1]).append(entry[2].isEmpty() ? "" : "\t" + entry[2]).append('\n');
		}
		return tsv.toString();
	}

	private static String system(FakeLlmServer.Recorded request) {
		return systemOf(request.json());
	}

	private static String systemOf(JsonNode body) {
		for (JsonNode message : body.get("messages")) {
			if (message.get("role").asString().equals("system")) {
				return message.get("content").asString();
			}
		}
		return "";
	}

	private static List<String> glossaryLines(String system) {
		return system.lines().filter(line -> line.startsWith("- ") && line.contains(" → ")).toList();
	}

}
