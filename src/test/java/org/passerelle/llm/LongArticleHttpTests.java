package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.article.Article;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.quality.AnswerChecks;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles longer than the model's context window, over real HTTP, against a fake model that refuses
 * prompts longer than its window and cuts off answers that overflow it, as real servers do.
 */
class LongArticleHttpTests {

	@org.junit.jupiter.api.io.TempDir
	java.nio.file.Path workDir;

	private FakeLlmServer fake;

	private final ExecutorService parts = Executors.newFixedThreadPool(4);

	@BeforeEach
	void startFake() throws Exception {
		fake = FakeLlmServer.start();
	}

	@AfterEach
	void stop() {
		fake.close();
		parts.shutdownNow();
	}

	@Test
	void threeThousandWordArticleThroughATwoThousandTokenModelComesOutWhole() throws Exception {
		fake.contextTokens(2000);
		Article article = longArticle(3000);

		Translation translation = service(2000).translate(article);

		assertWhole(article, translation);
		assertThat(fake.largestRequest()).as("no request exceeded the model's window").isLessThanOrEqualTo(2000);
		assertThat(fake.chatRequests()).as("several parts and one summary").hasSizeGreaterThan(3);
		assertThat(translation.inputTokens()).isPositive();
	}

	@Test
	void aWindowConfiguredTooLargeLeadsToSmallerPartsNotToAFailure() throws Exception {
		fake.contextTokens(2000);
		Article article = longArticle(3000);

		Translation translation = service(16_000).translate(article);

		assertWhole(article, translation);
		assertThat(fake.largestRequest()).as("the first requests were too long for the model, and refused")
			.isGreaterThan(2000);
	}

	@Test
	void anArticleThatFitsIsSentOnceForTranslationAndSummary() throws Exception {
		Article article = longArticle(400);

		Translation translation = service(8192).translate(article);

		assertWhole(article, translation);
		assertThat(fake.chatRequests()).singleElement().satisfies(request -> {
			String body = request.body();
			String paragraph = article.paragraphs().get(1).substring(0, 60);
			assertThat(body.indexOf(paragraph)).isEqualTo(body.lastIndexOf(paragraph)).isPositive();
		});
	}

	@Test
	void aLongArticleInterruptedPartWayPaysForEachPartOnceWhenItIsTranslatedAgain() throws Exception {
		fake.contextTokens(2000);
		Article article = longArticle(3000);
		// parts one after another, so that "the first three answers" are three whole parts
		fake.failAfter(3, 503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_is_overloaded\"}}");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> service(2000, Runnable::run).translate(article))
			.isInstanceOf(TranslationFailedException.class);
		List<String> paidFirst = partsSent(fake.chatRequests().subList(0, 3));
		fake.reset().contextTokens(2000);
		fake.forgetRequests();

		Translation translation = service(2000, Runnable::run).translate(article);

		assertWhole(article, translation);
		List<String> paidAgain = partsSent(fake.chatRequests());
		assertThat(paidAgain).as("no part answered before is asked again").doesNotContainAnyElementsOf(paidFirst)
			.doesNotHaveDuplicates();
		assertThat(paidFirst.size() + paidAgain.size()).as("every part paid once")
			.isEqualTo(java.util.stream.Stream.concat(paidFirst.stream(), paidAgain.stream()).distinct().count());
		assertThat(workDir.resolve("parts").resolve(article.sha256())).as("kept until the outputs are committed")
			.isDirectory();
		new PartAnswers(workDir.resolve("parts")).forget(article.sha256());
		assertThat(workDir.resolve("parts").resolve(article.sha256())).doesNotExist();
	}

	/** The part requests among these (a summary's request carries notes instead), as the text they sent. */
	private static List<String> partsSent(List<FakeLlmServer.Recorded> requests) {
		return requests.stream().map(FakeLlmServer.Recorded::article).filter(sent -> sent.has("before"))
			.map(Object::toString).toList();
	}

	/** Same paragraph count, and each English paragraph carries its source paragraph's marker number. */
	private static void assertWhole(Article article, Translation translation) {
		List<String> english = translation.english().paragraphs();
		assertThat(english).hasSameSizeAs(article.paragraphs());
		for (int i = 0; i < english.size(); i++) {
			assertThat(english.get(i)).as("paragraph %d", i + 1).contains(String.valueOf(marker(i)));
			for (int other = Math.max(0, i - 1); other <= Math.min(english.size() - 1, i + 1); other++) {
				if (other != i) {
					assertThat(english.get(i)).as("paragraph %d holds nothing of paragraph %d", i + 1, other + 1)
						.doesNotContain(String.valueOf(marker(other)));
				}
			}
		}
		assertThat(translation.english().title()).isNotBlank();
		assertThat(AnswerChecks.sentences(translation.english().summary())).isBetween(1, 3);
	}

	private static int marker(int paragraph) {
		return TestArticles.marker(paragraph);
	}

	static Article longArticle(int words) {
		return TestArticles.longArticle(words);
	}

	private TranslationService service(int contextTokens) {
		return service(contextTokens, parts);
	}

	/** A new service, as a new process would build: nothing in memory, only what the work directory holds. */
	private TranslationService service(int contextTokens, java.util.concurrent.Executor partExecutor) {
		PasserelleProperties.Llm llm = TestArticles.llm("openai", fake.openAiBaseUrl(), "key");
		return new TranslationService(ChatModelFactory.create(llm),
				new Translation.Engine("openai", FakeLlmServer.MODEL, PromptVersion.current()), 3, "key",
				TokenBudget.of(contextTokens, 8192, 3), new ProviderLimits(4, null, null), partExecutor,
				new PartAnswers(workDir.resolve("parts")));
	}

}
