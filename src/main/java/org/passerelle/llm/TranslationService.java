package org.passerelle.llm;

import java.time.Duration;
import java.util.List;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import tools.jackson.databind.json.JsonMapper;

/** Translates one article with one request and checks the answer before handing it on. */
public class TranslationService {

	private final ArticleTranslator translator;

	private final Translation.Engine engine;

	private final int maxSummarySentences;

	private final String secret;

	private final JsonMapper json = JsonMapper.builder().build();

	public TranslationService(ChatModel chatModel, Translation.Engine engine, int maxSummarySentences, String secret) {
		this.translator = AiServices.builder(ArticleTranslator.class).chatModel(chatModel).build();
		this.engine = engine;
		this.maxSummarySentences = maxSummarySentences;
		this.secret = secret;
	}

	public Translation.Engine engine() {
		return engine;
	}

	public Translation translate(Article article) throws TranslationFailedException {
		// The article goes in as JSON so that nothing in its text can pass for the prompt's own words.
		String payload = json.writeValueAsString(new ArticlePayload(article.title(), article.paragraphs()));
		long started = System.nanoTime();
		Result<TranslatedArticle> result;
		try {
			result = translator.translate(payload, article.paragraphs().size(), maxSummarySentences);
		}
		catch (AuthenticationException ex) {
			throw new ProviderSetupException("the provider refused the API key ("
					+ ErrorDescriptions.describe(ex, secret) + "): check PASSERELLE_LLM_API_KEY", ex);
		}
		catch (ModelNotFoundException ex) {
			throw new ProviderSetupException("the provider does not know the model '" + engine.model()
					+ "': check PASSERELLE_LLM_MODEL", ex);
		}
		catch (RateLimitException ex) {
			if (String.valueOf(ex.getMessage()).contains("insufficient_quota")) {
				throw new ProviderSetupException("the provider says the account's quota is used up ("
						+ ErrorDescriptions.describe(ex, secret) + "): add credit or use another key or provider", ex);
			}
			throw FailureClassifier.classify(article, ex, secret);
		}
		catch (RuntimeException ex) {
			throw FailureClassifier.classify(article, ex, secret);
		}
		Duration llmTime = Duration.ofNanos(System.nanoTime() - started);
		String problem = AnswerValidator.problemWith(article, result.content(), result.finishReason(),
				maxSummarySentences);
		if (problem != null) {
			throw new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER, problem);
		}
		TokenUsage usage = result.tokenUsage();
		return new Translation(article, result.content(), engine, tokens(usage == null ? null : usage.inputTokenCount()),
				tokens(usage == null ? null : usage.outputTokenCount()), llmTime);
	}

	private static long tokens(Integer count) {
		return count == null ? 0 : count;
	}

	/** What the model sees of an article. */
	record ArticlePayload(String title, List<String> paragraphs) {
	}

}
