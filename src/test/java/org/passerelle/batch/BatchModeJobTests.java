package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderSettings;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs through OpenAI's batch API, over real HTTP to a fake provider that implements it: uploads, states,
 * items that error or expire, answers out of order, whole batches that expire.
 */
@SpringBootTest
class BatchModeJobTests {

	@TempDir
	static Path workDir;

	static FakeLlmServer fake;

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		fake = FakeLlmServer.start();
		FakeProviderSettings.register(registry, workDir, fake);
		registry.add("passerelle.chunk-size", () -> "4");
		registry.add("passerelle.llm.batch.poll-interval", () -> "50ms");
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
		fake.forgetRequests();
	}

	@Test
	void everyArticleComesOutOfOneBatchWithNoLiveCallAndItsTokensBilledAsBatch() throws Exception {
		writeArticles(12);
		int batchesBefore = fake.batches().created();

		RunSummary run = runs.run(batchRun());

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.written()).isEqualTo(12);
		assertThat(fake.batches().created()).isEqualTo(batchesBefore + 1);
		assertThat(fake.chatRequests()).as("nothing sent live").isEmpty();
		assertThat(run.batchInputTokens()).isPositive().isEqualTo(run.inputTokens());
		assertThat(run.batchOutputTokens()).isEqualTo(run.outputTokens());
		assertThat(ledger.countByStatus(ArticleLedger.SUCCEEDED)).isEqualTo(12);
		assertThat(JsonMapper.builder().build().readTree(output.resolve("depeche-03.meta.json").toFile())
			.get("billedAs").asString()).isEqualTo("batch");
		assertThat(workDir.resolve("batches")).as("the night's answers do not stay in the work directory")
			.satisfies(folder -> assertThat(Files.list(folder).toList()).isEmpty());

		RunSummary secondNight = runs.run(batchRun());

		assertThat(secondNight.unchanged()).isEqualTo(12);
		assertThat(fake.batches().created()).as("nothing to send, no batch").isEqualTo(batchesBefore + 1);
	}

	@Test
	void itemsTheBatchAnsweredBadlyOrNotAtAllAreSentLiveAndComeOutToo() throws Exception {
		writeArticles(8);
		fake.batches().errorFor(title(2)).expire(title(5));
		// one answer that the checks refuse: a paragraph short
		fake.answer(article -> article.get("title").asString().equals(title(7)) && fake.chatRequests().isEmpty()
				? Map.of("title", "Dispatch", "paragraphs", List.of(), "summary", "Short.")
				: FakeLlmServer.translate(article));

		RunSummary run = runs.run(batchRun());

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.written()).isEqualTo(8);
		assertThat(run.failed()).isZero();
		assertThat(fake.chatRequests()).extracting(request -> request.article().get("title").asString())
			.as("the errored, the expired and the refused item, live, once each")
			.containsExactlyInAnyOrder(title(2), title(5), title(7));
		assertThat(run.batchInputTokens()).isPositive().isLessThan(run.inputTokens());
	}

	@Test
	void aWholeBatchThatExpiresFailsTheRunWithNothingMarkedFailedAndItsRestartSendsItLive() throws Exception {
		writeArticles(5);
		fake.batches().expireWholeBatches(true);

		RunSummary run = runs.run(batchRun());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(run.errors()).singleElement().asString().contains("expired").contains("restart");
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).isZero();
		assertThat(fake.chatRequests()).isEmpty();
		int created = fake.batches().created();

		RunSummary restarted = runs.restart(null).orElseThrow();

		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(restarted.written()).isEqualTo(5);
		assertThat(fake.batches().created()).as("the restart submits no second batch").isEqualTo(created);
		assertThat(fake.chatRequests()).hasSize(5);
	}

	@Test
	void aLongArticleInBatchModeGoesLiveInPartsAndComesOutWhole() throws Exception {
		writeArticles(2);
		org.passerelle.article.Article longOne = TestArticles.longArticle(3000);
		TestArticles.write(input.resolve("long.txt"), longOne.title() + "\n\n" + String.join("\n\n", longOne.paragraphs()));
		fake.contextTokens(2000);
		int batchedBefore = fake.batches().requests().size();

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), false, false, true));

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.written()).isEqualTo(3);
		assertThat(fake.batches().requests()).as("the two short articles went in the batch").hasSize(batchedBefore + 2);
		assertThat(fake.chatRequests()).as("the long one went live, in parts and a summary").hasSizeGreaterThan(3);
		assertThat(Files.readString(output.resolve("long.en.md")).split("\n\n")).hasSize(longOne.paragraphs().size() + 1);
	}

	private RunRequest batchRun() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 24), false, false, true);
	}

	private void writeArticles(int count) throws IOException {
		for (int i = 1; i <= count; i++) {
			TestArticles.write(input.resolve(String.format("depeche-%02d.txt", i)), title(i) + "\n\n"
					+ TestArticles.NEWS_SENTENCES.get(i % 10) + "\n\n" + TestArticles.NEWS_SENTENCES.get((i + 3) % 10) + "\n");
		}
	}

	private static String title(int number) {
		return "Dépêche " + number + " : la réforme des communes";
	}

}
