package org.passerelle.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.report.RunJournal;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job on a real HSQLDB file, real files, and the real OpenAI client talking to a fake provider. */
@SpringBootTest
class TranslateArticlesJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.chunk-size", "2");

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	@Autowired
	TranslationRuns runs;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ArticleLedger ledger;

	@Autowired
	DataSource dataSource;

	@Autowired
	RunEstimate runEstimate;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@Test
	void threeArticlesBecomeThreeCompletePairsAndTheHistorySaysCompleted() throws Exception {
		TestArticles.writeThreeArticles(input);
		int before = fake.chatRequests().size();

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.read()).isEqualTo(3);
		assertThat(run.written()).isEqualTo(3);
		assertThat(run.failed()).isZero();
		assertThat(run.inputTokens()).isPositive();
		assertThat(fake.chatRequests()).hasSize(before + 3);
		for (String base : List.of("politique/budget", "politique/elections", "sport")) {
			assertThat(output.resolve(base + ".en.md")).exists();
			assertThat(output.resolve(base + ".summary.md")).exists();
			assertThat(output.resolve(base + ".meta.json")).exists();
		}
		assertThat(Files.readString(output.resolve("sport.en.md"))).isEqualTo("""
				# The English headline of the story.

				This is the English translation of paragraph 1 of the story, with the figures 2 and 1 and 87.
				""");
		JsonNode meta = JsonMapper.builder().build().readTree(output.resolve("politique/elections.meta.json").toFile());
		assertThat(meta.get("source").asString()).isEqualTo("politique/elections.md");
		assertThat(meta.get("sourceSha256").asString()).hasSize(64);
		assertThat(meta.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(meta.get("provider").asString()).isEqualTo("openai");
		assertThat(meta.get("model").asString()).isEqualTo(FakeLlmServer.MODEL);
		assertThat(meta.get("promptVersion").asString()).startsWith("translate-article@");
		assertThat(meta.at("/tokens/total").asLong()).isPositive();
		assertThat(meta.get("jobExecutionId").asLong()).isEqualTo(run.executionId());

		JobExecution execution = jobRepository.getJobExecution(run.executionId());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(ledger.countByStatus(ArticleLedger.SUCCEEDED)).isEqualTo(3);
		assertThat(runs.recent(5)).first().extracting(RunSummary::executionId).isEqualTo(run.executionId());
	}

	@Test
	void secondRunOverAnUnchangedFolderSendsNothing() throws Exception {
		TestArticles.writeThreeArticles(input);
		runs.run(request());
		int afterFirst = fake.chatRequests().size();

		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(afterFirst);
		assertThat(second.status()).isEqualTo("COMPLETED");
		assertThat(second.unchanged()).isEqualTo(3);
		assertThat(second.written()).isZero();
	}

	@Test
	void anEditedArticleIsSentAgainAndOnlyIt() throws Exception {
		TestArticles.writeThreeArticles(input);
		runs.run(request());
		int afterFirst = fake.chatRequests().size();
		TestArticles.write(input.resolve("sport.txt"), """
				Le club de Rennes se qualifie pour les demi-finales

				Les Rennais se sont imposés 3 à 1 face à Lens.
				""");

		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(afterFirst + 1);
		assertThat(fake.chatRequests().get(afterFirst).article().get("title").asString()).contains("demi-finales");
		assertThat(second.written()).isEqualTo(1);
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(Files.readString(output.resolve("sport.en.md"))).contains("figures 3 and 1");
	}

	@Test
	void forceTranslatesEverythingAgain() throws Exception {
		TestArticles.writeThreeArticles(input);
		runs.run(request());
		int afterFirst = fake.chatRequests().size();

		RunSummary forced = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), true));

		assertThat(fake.chatRequests()).hasSize(afterFirst + 3);
		assertThat(forced.written()).isEqualTo(3);
	}

	@Test
	void outputsDeletedByHandAreWrittenAgain() throws Exception {
		TestArticles.writeThreeArticles(input);
		runs.run(request());
		Files.delete(output.resolve("sport.summary.md"));
		int afterFirst = fake.chatRequests().size();

		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).as("written again from the translation memory, not paid again").hasSize(afterFirst);
		assertThat(second.written()).isEqualTo(1);
		assertThat(output.resolve("sport.summary.md")).exists();
	}

	@Test
	void badArticlesAreRecordedWithTheirReasonAndTheRestGoesOn() throws Exception {
		TestArticles.writeThreeArticles(input);
		Files.write(input.resolve("empty.txt"), new byte[0]);
		fake.answer(article -> article.get("title").asString().startsWith("Municipales")
				? Map.of("title", "Local elections", "paragraphs", List.of("Only one."), "summary", "Turnout is up.")
				: FakeLlmServer.translate(article));
		int before = fake.chatRequests().size();

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.read()).isEqualTo(4);
		assertThat(run.written()).isEqualTo(2);
		assertThat(run.failed()).isEqualTo(2);
		// two good articles, the bad answer three times (tried, then retried twice), the empty file never
		assertThat(fake.chatRequests()).hasSize(before + 2 + 3);
		assertThat(output.resolve("politique/elections.en.md")).doesNotExist();
		assertThat(output.resolve("empty.en.md")).doesNotExist();
		LedgerEntry elections = JdbcClient.create(dataSource)
			.sql("SELECT * FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = 'politique/elections.md'")
			.query(LedgerEntry.class)
			.single();
		assertThat(elections.status()).isEqualTo(ArticleLedger.FAILED);
		assertThat(elections.errorMessage()).isEqualTo("the answer has 1 paragraphs for the article's 3");
		assertThat(elections.jobExecutionId()).isEqualTo(run.executionId());
		String emptyReason = JdbcClient.create(dataSource)
			.sql("SELECT ERROR_MESSAGE FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = 'empty.txt'")
			.query(String.class)
			.single();
		assertThat(emptyReason).isEqualTo("the file is empty");
	}

	@Test
	void theRunsJournalHoldsWhatTheLedgerRecordedWithTheFrenchAndTheEnglishForTheReport() throws Exception {
		TestArticles.writeThreeArticles(input);
		Files.write(input.resolve("empty.txt"), new byte[0]);

		RunSummary run = runs.run(request());

		List<JsonNode> journal = Files.readAllLines(RunJournal.fileFor(provider.workDir(), run.executionId()))
			.stream()
			.map(line -> JsonMapper.builder().build().readTree(line))
			.toList();
		assertThat(journal).extracting(entry -> entry.get("article").asString() + " " + entry.get("outcome").asString())
			.containsExactlyInAnyOrder("empty.txt failed", "politique/budget.txt translated",
					"politique/elections.md translated", "sport.txt translated");
		JsonNode budget = journal.stream().filter(entry -> entry.get("article").asString().equals("politique/budget.txt"))
			.findFirst().orElseThrow();
		assertThat(budget.at("/french/0").asString()).isEqualTo("Le Parlement adopte le budget 2027 après trois semaines de débats");
		assertThat(budget.get("french")).hasSize(3);
		assertThat(budget.get("english")).hasSize(3);
		assertThat(budget.at("/outputs/translation").asString()).isEqualTo("politique/budget.en.md");
		assertThat(budget.get("inputTokens").asLong()).isPositive();
		JsonNode empty = journal.stream().filter(entry -> entry.get("outcome").asString().equals("failed")).findFirst().orElseThrow();
		assertThat(empty.get("reason").asString()).isEqualTo("the file is empty");
		assertThat(empty.get("failureKind").asString()).isEqualTo("BAD_INPUT");
		assertThat(empty.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void aFailedArticleIsTriedAgainOnTheNextRun() throws Exception {
		TestArticles.writeThreeArticles(input);
		fake.answer(article -> Map.of("title", "", "paragraphs", List.of(), "summary", ""));
		runs.run(request());
		fake.answer(FakeLlmServer::translate);
		int afterFirst = fake.chatRequests().size();

		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(afterFirst + 3);
		assertThat(second.written()).isEqualTo(3);
		assertThat(second.failed()).isZero();
	}

	@Test
	void filesWrittenByARunThatDiedBeforeCommittingAreReusedNotPaidAgain() throws Exception {
		TestArticles.writeThreeArticles(input);
		runs.run(request());
		// what a crash between writing the files and committing the chunk leaves: files, but no ledger rows
		JdbcClient.create(dataSource).sql("DELETE FROM PASSERELLE_ARTICLE").update();
		int afterFirst = fake.chatRequests().size();

		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(afterFirst);
		assertThat(second.written()).isEqualTo(3);
		assertThat(second.totalTokens()).as("this run paid for nothing").isZero();
		assertThat(ledger.countByStatus(ArticleLedger.SUCCEEDED)).isEqualTo(3);
		assertThat(JdbcClient.create(dataSource).sql("SELECT SUM(INPUT_TOKENS) FROM PASSERELLE_ARTICLE").query(Long.class).single())
			.as("the ledger keeps what the reused translations cost").isPositive();
	}

	@Test
	void identicalFilesAreTranslatedOnceWithinARunAndAcrossRuns() throws Exception {
		TestArticles.writeThreeArticles(input);
		Files.copy(input.resolve("sport.txt"), input.resolve("sport-copie.txt"));
		int before = fake.chatRequests().size();

		RunSummary first = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(before + 3);
		assertThat(first.written()).isEqualTo(4);
		assertThat(Files.readString(output.resolve("sport-copie.en.md"))).isEqualTo(Files.readString(output.resolve("sport.en.md")));

		Files.copy(input.resolve("politique/budget.txt"), input.resolve("budget-bis.txt"));
		RunSummary second = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(before + 3);
		assertThat(second.written()).isEqualTo(1);
		assertThat(Files.readString(output.resolve("budget-bis.en.md")))
			.isEqualTo(Files.readString(output.resolve("politique/budget.en.md")));
		assertThat(Files.readString(output.resolve("budget-bis.summary.md")))
			.isEqualTo(Files.readString(output.resolve("politique/budget.summary.md")));
	}

	@Test
	void dryRunEstimatesWhatARunWouldSendWithoutSendingOrWritingAnything() throws Exception {
		TestArticles.writeThreeArticles(input);
		Files.copy(input.resolve("sport.txt"), input.resolve("sport-copie.txt"));
		Files.write(input.resolve("empty.txt"), new byte[0]);
		int before = fake.chatRequests().size();
		long executions = executions();
		Path notYet = output.resolve("not-yet");

		RunEstimate.Estimate estimate = runEstimate.estimate(input, notYet, false);

		assertThat(fake.chatRequests()).as("nothing sent").hasSize(before);
		assertThat(notYet).as("nothing written").doesNotExist();
		assertThat(executions()).as("no job execution").isEqualTo(executions);
		assertThat(estimate.pending()).isEqualTo(4);
		assertThat(estimate.duplicates()).isEqualTo(1);
		assertThat(estimate.parts()).as("three distinct articles, one request each").isEqualTo(3);
		assertThat(estimate.unusable()).isEqualTo(1);
		assertThat(estimate.unusableReasons()).singleElement().asString().startsWith("empty.txt: ");

		runs.run(new RunRequest(input, notYet, LocalDate.of(2026, 11, 23), false));
		long billed = fake.chatRequests().subList(before, fake.chatRequests().size()).size();
		RunEstimate.Estimate afterwards = runEstimate.estimate(input, notYet, false);

		assertThat(billed).as("the estimate's requests are what the run sent").isEqualTo(estimate.parts());
		assertThat(afterwards.pending()).isZero();
		assertThat(afterwards.unchanged()).isEqualTo(4);
	}

	private long executions() {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
	}

	private RunRequest request() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), false);
	}

}
