package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.ProviderSetupException;
import org.passerelle.llm.TranslationFailedException;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeLlmServer.Api;
import org.passerelle.testing.FakeLlmServer.Reply;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A provider that is slow, rate-limited and sometimes wrong, as real ones are: what is retried, what is
 * recorded, and what stops the run. Written once, run against each provider's API by a subclass
 * ({@link OpenAiFaultsJobTests}, {@link OllamaFaultsJobTests}, {@link AnthropicFaultsJobTests}): the
 * fake fails in that provider's own shapes, and the job reads them with that provider's real client.
 * A failure a provider does not have (Ollama has no keys or quotas) is skipped there, saying so.
 *
 * <p>One article per run unless said otherwise, one call at a time so that request counts are exact;
 * two retries after the first attempt, 10 ms to 50 ms apart, so that any longer wait between two calls
 * is the one the provider asked for; the run stops after three articles in a row the provider failed.
 */
@SpringBootTest
abstract class ProviderFaultsJobTests {

	@Autowired
	TranslationRuns runs;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path input;

	@TempDir
	Path output;

	FakeLlmServer fake;

	Api api;

	/** The settings every provider's fault tests share. */
	static FakeProviderExtension provider(Api api) {
		return FakeProviderExtension.speaking(api)
			.with("passerelle.llm.retry.failures-before-stop", "3")
			.with("passerelle.llm.concurrency", "1");
	}

	@BeforeEach
	void oneArticle(FakeLlmServer fake, Api api) throws IOException {
		this.fake = fake;
		this.api = api;
		TestArticles.write(input.resolve("greve.txt"), "Grève à la SNCF\n\nLe trafic sera perturbé jeudi.\n");
	}

	@Test
	void tooManyRequestsIsRetriedAfterTheRetryAfterTheProviderAskedFor() throws Exception {
		fake.thenReply(Reply.tooManyRequests("retry-after", "1"));

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		assertThat(run.retries()).isEqualTo(1);
		// a lower bound only: a busy machine can make the wait longer, never shorter
		assertThat(gapBetweenTheTwoCalls()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void retryAfterMsIsHonoured() throws Exception {
		fake.thenReply(Reply.tooManyRequests("retry-after-ms", "600"));

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.retries()).isEqualTo(1);
		assertThat(gapBetweenTheTwoCalls()).isGreaterThanOrEqualTo(Duration.ofMillis(600));
	}

	@Test
	void retryAfterGivenAsAnHttpDateIsHonoured() throws Exception {
		// dated as the 429 goes out; an HTTP date has whole seconds, so two seconds on is over one from then
		fake.thenReply((exchange, api, body) -> Reply.tooManyRequests("retry-after", DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(2))).send(exchange, api, body));

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.retries()).isEqualTo(1);
		assertThat(gapBetweenTheTwoCalls()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void openAiResetHeadersAreHonouredTheLongerOfThemWinning() throws Exception {
		assumeTrue(api == Api.OPENAI, "x-ratelimit-reset-* are OpenAI's headers");
		fake.thenReply(Reply.tooManyRequests("x-ratelimit-reset-requests", "20ms", "x-ratelimit-reset-tokens", "0.7s"));

		RunSummary run = runs.run(request());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		assertThat(run.retries()).as("the 429, then the answer").isEqualTo(1);
		assertThat(gapBetweenTheTwoCalls()).as("the tokens' reset, the longer").isGreaterThanOrEqualTo(Duration.ofMillis(700));
	}

	@Test
	void serverErrorsOverloadsAndBadGatewaysAreRetried() throws Exception {
		fake.thenReply(Reply.serverError(), Reply.overloaded());
		assertThat(runs.run(request())).extracting(RunSummary::written, RunSummary::retries).containsExactly(1L, 2L);

		fake.thenReply(Reply.status(502, "<html><body>502 Bad Gateway</body></html>"), Reply.dropConnection());
		RunSummary run = runs.run(forced());

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		assertThat(run.retries()).isEqualTo(2);
	}

	@Test
	void malformedOrTruncatedAnswersAreRetriedThenRecordedWithAReason() throws Exception {
		fake.thenReply(Reply.content("{\"title\": \"Strike\", \"paragraphs\": [\"Traffic", "length"));
		assertThat(runs.run(request()).written()).as("one bad answer, then a good one").isEqualTo(1);

		fake.thenReply(Reply.content("not json at all", "stop"), Reply.content("{\"title\":", "length"),
				Reply.content("{oops", "stop"));
		RunSummary run = runs.run(forced());

		assertThat(fake.chatRequests()).hasSize(1 + 1 + 3);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(failure("greve.txt")).containsEntry("FAILURE_KIND", "BAD_ANSWER");
		assertThat(failure("greve.txt").get("ERROR_MESSAGE")).asString().startsWith("the answer could not be read");
	}

	@Test
	void answerCutOffAtTheModelsLimitIsRecordedAsCutOff() throws Exception {
		// finish_reason length, stop_reason max_tokens, done_reason length: each provider's word for it
		String cut = "{\"title\": \"Rail strike\", \"paragraphs\": [\"Traffic will be";
		fake.thenReply(Reply.content(cut, "length"), Reply.content(cut, "length"), Reply.content(cut, "length"));

		RunSummary run = runs.run(request());

		assertThat(fake.chatRequests()).as("a short article's cut-off answer is retried like a bad one").hasSize(3);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(failure("greve.txt")).containsEntry("FAILURE_KIND", "CUT_OFF");
		assertThat(failure("greve.txt").get("ERROR_MESSAGE")).asString().contains("cut off");
	}

	@Test
	void refusalIsRecordedAsSuch() throws Exception {
		assumeTrue(api == Api.OPENAI, "only OpenAI's API marks a refusal (a 'refusal' field instead of content)");
		fake.thenReply(Reply.refusal("I'm sorry, I can't help with that."), Reply.refusal("I'm sorry."),
				Reply.refusal("I'm sorry."));

		RunSummary run = runs.run(request());

		assertThat(fake.chatRequests()).as("retried like a bad answer").hasSize(3);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(failure("greve.txt")).containsEntry("FAILURE_KIND", TranslationFailedException.Kind.REJECTED.name());
		assertThat(failure("greve.txt").get("ERROR_MESSAGE")).asString()
			.startsWith("the provider refused the article").contains("I'm sorry.");
	}

	@Test
	void requestTooLongForTheModelIsNotRetriedAsIs() throws Exception {
		assumeTrue(api != Api.OLLAMA, "Ollama does not refuse a long prompt: it drops its start, so Passerelle sizes requests itself");
		fake.thenReply(Reply.contextTooLong(16_385, 16_468));

		RunSummary run = runs.run(request());

		assertThat(fake.chatRequests()).hasSize(1);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(run.retries()).isZero();
		assertThat(failure("greve.txt")).containsEntry("FAILURE_KIND", "TOO_LONG");
		assertThat(failure("greve.txt").get("ERROR_MESSAGE")).asString()
			.startsWith("the article is too long for the model's context window");
	}

	@Test
	void refusedKeyStopsTheRunWithoutMarkingArticlesFailed() throws Exception {
		assumeTrue(api.hasAccounts(), "Ollama has no keys");
		fake.thenReply(Reply.keyRefused());

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(setupFailure(run)).hasMessageContaining("refused the API key").hasMessageContaining("PASSERELLE_LLM_API_KEY");
		assertThat(fake.chatRequests()).as("not retried").hasSize(1);
		assertThat(ledgerRows()).isZero();
	}

	@Test
	void unknownModelStopsTheRunToo() throws Exception {
		fake.thenReply(Reply.modelUnknown());

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(setupFailure(run)).hasMessageContaining("does not know the model").hasMessageContaining("PASSERELLE_LLM_MODEL");
		assertThat(fake.chatRequests()).as("not retried").hasSize(1);
		assertThat(ledgerRows()).isZero();
	}

	@Test
	void quotaUsedUpStopsTheRunAtOnceWithoutMarkingArticlesFailed() throws Exception {
		assumeTrue(api.hasAccounts(), "Ollama has no quota");
		fake.failChatsWith(Reply.quotaUsedUp());

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		assertThat(setupFailure(run)).hasMessageContaining("quota is used up");
		assertThat(fake.chatRequests()).as("not retried").hasSize(1);
		assertThat(ledgerRows()).isZero();
	}

	@Test
	void providerThatStaysDownStopsTheRunInsteadOfFailingTheWholeFolder() throws Exception {
		for (int i = 1; i <= 6; i++) {
			TestArticles.write(input.resolve("z" + i + ".txt"), "Titre " + i + "\n\nParagraphe " + i + ".\n");
		}
		fake.failChatsWith(Reply.overloaded());

		RunSummary run = runs.run(request());

		assertThat(run.status()).isEqualTo("FAILED");
		// three articles, each tried once and retried twice, then the run stops: the other four are not sent
		assertThat(fake.chatRequests()).hasSize(3 * 3);
		// nothing is marked failed for an outage: the chunk rolled back, and a restart will send them again
		assertThat(ledgerRows()).isZero();
	}

	private Duration gapBetweenTheTwoCalls() {
		List<FakeLlmServer.Recorded> calls = fake.chatRequests();
		assertThat(calls).as("the refused call and its retry").hasSize(2);
		return calls.get(1).after(calls.get(0));
	}

	private static ProviderSetupException setupFailure(RunSummary run) {
		return run.errors().stream().<Throwable>mapMulti((error, sink) -> {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				sink.accept(cause);
			}
		}).filter(ProviderSetupException.class::isInstance).map(ProviderSetupException.class::cast).findFirst()
			.orElseThrow(() -> new AssertionError("no ProviderSetupException among " + run.errors()));
	}

	private long ledgerRows() {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE").query(Long.class).single();
	}

	private Map<String, Object> failure(String articleId) {
		return JdbcClient.create(dataSource)
			.sql("SELECT FAILURE_KIND, ERROR_MESSAGE FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = ? AND STATUS = ?")
			.params(articleId, ArticleLedger.FAILED)
			.query()
			.singleRow();
	}

	private RunRequest request() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), false);
	}

	private RunRequest forced() {
		return new RunRequest(input, output, LocalDate.of(2026, 11, 23), true);
	}

}
