package org.passerelle.batch;

import java.io.IOException;
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
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.chunk-size", "4")
		.with("passerelle.llm.batch.poll-interval", "50ms");

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

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
		assertThat(provider.workDir().resolve("batches")).as("the night's answers do not stay in the work directory")
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

	@Test
	void inBatchModeTheMemoryStillSparesWhatWasTranslatedOnlyTheChangesGoInTheBatch() throws Exception {
		for (int i = 1; i <= 4; i++) {
			writeLonger(input.resolve(String.format("depeche-%02d.txt", i)), i, false, false);
		}
		RunSummary first = runs.run(batchRun());
		assertThat(first.written()).isEqualTo(4);
		int batched = fake.batches().requests().size();
		int created = fake.batches().created();
		// three updated (a paragraph added), one republished under a new name with a paragraph cut
		for (int i = 1; i <= 3; i++) {
			writeLonger(input.resolve(String.format("depeche-%02d.txt", i)), i, true, false);
		}
		writeLonger(input.resolve("depeche-04-reprise.txt"), 4, false, true);

		RunSummary second = runs.run(batchRun());

		assertThat(second.status()).isEqualTo("COMPLETED");
		assertThat(second.written()).isEqualTo(4);
		assertThat(fake.batches().created()).as("one batch for the night").isEqualTo(created + 1);
		assertThat(fake.chatRequests()).as("nothing sent live: the batch answered the changes").isEmpty();
		List<tools.jackson.databind.JsonNode> night = fake.batches().requests().subList(batched,
				fake.batches().requests().size());
		List<tools.jackson.databind.JsonNode> sent = night.stream().map(FakeLlmServer::articleIn).toList();
		assertThat(sent).as("one request per changed article").hasSize(4);
		for (int i = 1; i <= 3; i++) {
			String added = added(i);
			assertThat(sent).as("article %d sends only its new paragraph", i)
				.anySatisfy(one -> assertThat(one.get("paragraphs").toString()).isEqualTo("[\"" + added + "\"]"));
		}
		assertThat(sent).as("the republication, whose paragraphs are all known, asks only for its summary")
			.anySatisfy(one -> {
				assertThat(one.get("paragraphs")).isEmpty();
				assertThat(one.has("earlierSummary")).isTrue();
			});
		assertThat(second.batchInputTokens()).isEqualTo(second.inputTokens());
		assertThat(second.inputTokens()).as("far less than the first night's whole articles")
			.isLessThan(first.inputTokens());
		assertThat(second.paragraphsFromMemory()).isEqualTo(3 * 3 + 2);
		tools.jackson.databind.JsonNode meta = JsonMapper.builder().build()
			.readTree(output.resolve("depeche-02.meta.json").toFile());
		assertThat(meta.get("billedAs").asString()).isEqualTo("batch");
		assertThat(meta.get("memory").get("paragraphs").asInt()).isEqualTo(3);
		assertThat(Files.readString(output.resolve("depeche-02.en.md")).split("\n\n")).as("title and four paragraphs")
			.hasSize(5);
		assertThat(Files.readString(output.resolve("depeche-04-reprise.en.md")).split("\n\n")).hasSize(3);
	}

	/** Three paragraphs of this article only; updated, one more; republished, the second cut. */
	private static void writeLonger(Path file, int i, boolean updated, boolean cut) throws IOException {
		List<String> paragraphs = new java.util.ArrayList<>();
		for (int k = 0; k < 3; k++) {
			paragraphs.add(TestArticles.NEWS_SENTENCES.get((i + 3 * k) % 10) + " La dépêche " + i + " y revient.");
		}
		if (updated) {
			paragraphs.add(added(i));
		}
		if (cut) {
			paragraphs.remove(1);
		}
		TestArticles.write(file, title(i) + "\n\n" + String.join("\n\n", paragraphs) + "\n");
	}

	private static String added(int i) {
		return "Mise à jour : le conseil municipal numéro " + (100 + i) + " a voté la motion dans la soirée.";
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
