package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.ProviderSetupException;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderSettings;
import org.passerelle.testing.FakeLlmServer.Reply;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that is slow, rate-limited and sometimes wrong, as real ones are: what is retried, what is
 * recorded, and what stops the run. One article per run unless said otherwise, one call at a time so
 * that request counts are exact; two retries after the first attempt; the run stops after three
 * articles in a row the provider failed.
 */
@SpringBootTest
class ProviderFaultsJobTests {

	private static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached for requests. Please try "
			+ "again in 1s.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

	@TempDir
	static Path workDir;

	static FakeLlmServer fake;

	@Autowired
	TranslationRuns runs;

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
		// the timeout test waits this long for the client to give up; every other answer, even on a busy
		// machine, comes back far sooner (a timeout there would be a retry the counts below do not expect)
		registry.add("passerelle.llm.timeout", () -> "5s");
		registry.add("passerelle.llm.retry.failures-before-stop", () -> "3");
		registry.add("passerelle.llm.concurrency", () -> "1");
	}

	@AfterAll
	static void stopFake() {
		fake.close();
	}

	@BeforeEach
	void oneArticle() throws IOException {
		JdbcClient.create(dataSource).sql("DELETE FROM PASSERELLE_ARTICLE").update();
		org.passerelle.testing.MemoryTables.empty(dataSource);
		fake.reset();
		TestArticles.write(input.resolve("greve.txt"), "Grève à la SNCF\n\nLe trafic sera perturbé jeudi.\n");
	}

	@Test
	void rateLimitIsRetriedAfterTheWaitTheProviderAskedFor() throws Exception {
		fake.thenReply(Reply.status(429, RATE_LIMITED, "retry-after", "1"));
		int before = fake.chatRequests().size();

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		assertThat(run.retries()).isEqualTo(1);
		List<FakeLlmServer.Recorded> calls = fake.chatRequests().subList(before, fake.chatRequests().size());
		assertThat(calls).hasSize(2);
		// the configured back-off is 10 ms: only the provider's Retry-After explains a second's wait
		// a lower bound only: a busy machine can make the wait longer, never shorter
		assertThat(calls.get(1).after(calls.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void openAiResetHeaderIsHonouredToo() throws Exception {
		fake.thenReply(Reply.status(429, RATE_LIMITED, "x-ratelimit-reset-requests", "1s200ms"));
		int before = fake.chatRequests().size();

		runs.run(request());

		List<FakeLlmServer.Recorded> calls = fake.chatRequests().subList(before, fake.chatRequests().size());
		assertThat(calls.get(1).after(calls.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
	}

	@Test
	void serverErrorsTimeoutsAndResetConnectionsAreRetried() throws Exception {
		fake.thenReply(Reply.status(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"),
				Reply.status(502, "<html><body>502 Bad Gateway</body></html>"));
		assertThat(runs.run(request()).written()).isEqualTo(1);

		// no answer until the client's timeout has fired and it has retried, however slow the machine
		fake.thenReply(Reply.noAnswer(), Reply.dropConnection());
		RunSummary run = runs.run(forced());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.retries()).isEqualTo(2);
	}

	@Test
	void malformedOrTruncatedAnswersAreRetriedThenRecordedWithAReason() throws Exception {
		fake.thenReply(Reply.content("{\"title\": \"Strike\", \"paragraphs\": [\"Traffic", "length"));
		assertThat(runs.run(request()).written()).as("one bad answer, then a good one").isEqualTo(1);

		fake.thenReply(Reply.content("not json at all", "stop"), Reply.content("{\"title\":", "length"),
				Reply.content("{oops", "stop"));
		int before = fake.chatRequests().size();
		RunSummary run = runs.run(forced());

		assertThat(fake.chatRequests()).hasSize(before + 3);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(reason("greve.txt")).startsWith("the answer could not be read");
	}

	@Test
	void refusalIsRecordedAsSuch() throws Exception {
		fake.thenReply(Reply.refusal("I'm sorry, I can't help with that."), Reply.refusal("I'm sorry."),
				Reply.refusal("I'm sorry."));

		RunSummary run = runs.run(request());

		assertThat(run.failed()).isEqualTo(1);
		assertThat(reason("greve.txt")).isNotBlank();
	}

	@Test
	void requestTooLongForTheModelIsNotRetriedAsIs() throws Exception {
		fake.thenReply(Reply.status(400, "{\"error\":{\"message\":\"This model's maximum context length is 16385 tokens. "
				+ "However, your messages resulted in 16468 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\","
				+ "\"code\":\"context_length_exceeded\"}}"));
		int before = fake.chatRequests().size();

		RunSummary run = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(before + 1);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(run.retries()).isZero();
		assertThat(reason("greve.txt")).startsWith("the article is too long for the model's context window");
	}

	@Test
	void refusedKeyStopsTheRunWithoutMarkingArticlesFailed() throws Exception {
		fake.thenReply(Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}"));

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(run.errors()).anySatisfy(error -> assertThat(error).hasRootCauseInstanceOf(
				dev.langchain4j.exception.HttpException.class));
		assertThat(causes(run)).anyMatch(ProviderSetupException.class::isInstance);
		assertThat(ledgerRows()).isZero();
	}

	@Test
	void unknownModelStopsTheRunToo() throws Exception {
		fake.thenReply(Reply.status(404, "{\"error\":{\"message\":\"The model `gpt-9` does not exist\",\"code\":\"model_not_found\"}}"));

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(causes(run)).anyMatch(ProviderSetupException.class::isInstance);
		assertThat(ledgerRows()).isZero();
	}

	@Test
	void providerThatStaysDownStopsTheRunInsteadOfFailingTheWholeFolder() throws Exception {
		for (int i = 1; i <= 6; i++) {
			TestArticles.write(input.resolve("z" + i + ".txt"), "Titre " + i + "\n\nParagraphe " + i + ".\n");
		}
		fake.failWith(503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_is_overloaded\"}}");
		int before = fake.chatRequests().size();

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		// three articles, each tried once and retried twice, then the run stops: the other four are not sent
		assertThat(fake.chatRequests()).hasSize(before + 3 * 3);
		// nothing is marked failed for an outage: the chunk rolled back, and a restart will send them again
		assertThat(ledgerRows()).isZero();
	}

	private static List<Throwable> causes(RunSummary run) {
		return run.errors().stream().<Throwable>mapMulti((error, sink) -> {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				sink.accept(cause);
			}
		}).toList();
	}

	private long ledgerRows() {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE").query(Long.class).single();
	}

	private String reason(String articleId) {
		return JdbcClient.create(dataSource).sql("SELECT ERROR_MESSAGE FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = ? AND STATUS = ?")
			.params(articleId, ArticleLedger.FAILED)
			.query(String.class)
			.single();
	}

	private RunRequest request() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), false);
	}

	private RunRequest forced() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), true);
	}

}
