package org.passerelle.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates one article and checks every answer before handing it on. An article that fits one
 * request (see {@link TokenBudget}) costs one call for its translation and summary; a longer one goes
 * in parts ({@link ArticleInParts}). When the provider says a request exceeds the context window, or
 * an answer is cut off, the text is cut smaller and sent again. Every call goes through the run's
 * shared {@link ProviderLimits}.
 */
public class TranslationService {

	private static final Logger log = LoggerFactory.getLogger(TranslationService.class);

	private final ArticleTranslator translator;

	private final Translation.Engine engine;

	private final int maxSummarySentences;

	private final TokenBudget budget;

	private final ModelCalls calls;

	private final ArticleSplitter splitter = new ArticleSplitter(TokenCounter.shared()::count);

	private final ArticleInParts inParts;

	private final String rules = PromptVersion.text(ArticleTranslator.RULES);

	private final JsonMapper json = JsonMapper.builder().build();

	public TranslationService(ChatModel chatModel, Translation.Engine engine, int maxSummarySentences, String secret,
			TokenBudget budget, ProviderLimits limits, Executor partExecutor, PartAnswers partAnswers) {
		this.translator = AiServices.builder(ArticleTranslator.class).chatModel(chatModel).build();
		this.engine = engine;
		this.maxSummarySentences = maxSummarySentences;
		this.budget = budget;
		this.calls = new ModelCalls(limits, engine.model(), secret);
		this.inParts = new ArticleInParts(translator, calls, budget, splitter, partExecutor, maxSummarySentences,
				partAnswers, engine);
	}

	public Translation.Engine engine() {
		return engine;
	}

	public Translation translate(Article article) throws TranslationFailedException {
		long started = System.nanoTime();
		ModelCalls.Tally tally = new ModelCalls.Tally();
		int maxTokens = budget.segmentTokens(article);
		List<ArticleSplitter.Segment> segments = splitter.split(article.paragraphs(), maxTokens);
		TranslatedArticle english = null;
		while (english == null && segments.size() == 1) {
			try {
				english = whole(article, segments.get(0), tally);
			}
			catch (TranslationFailedException ex) {
				maxTokens = smaller(article, Math.min(maxTokens, segments.get(0).tokens()), ex, budget);
				segments = splitter.split(article.paragraphs(), maxTokens);
			}
		}
		if (english == null) {
			log.info("{}: too long for one request, translating it in {} parts", article.source().id(), segments.size());
			english = inParts.translate(article, segments, maxTokens, tally);
		}
		return new Translation(article, english, engine, tally.input.get(), tally.output.get(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/** One request for the whole article: translation and summary together. */
	private TranslatedArticle whole(Article article, ArticleSplitter.Segment text, ModelCalls.Tally tally)
			throws TranslationFailedException {
		// The article goes in as JSON so that nothing in its text can pass for the prompt's own words.
		String payload = json.writeValueAsString(new ArticlePayload(article.title(), article.paragraphs()));
		// an article that surely fits was not tokenized; under a tokens-per-minute limit its size matters
		int textTokens = calls.limitsTokens() ? TokenCounter.shared().count(String.join("\n", article.paragraphs()))
				: text.tokens();
		Result<TranslatedArticle> result = calls.call(article,
				budget.requestAndAnswer(textTokens, TokenCounter.shared().count(article.title())), tally,
				() -> translator.translate(payload, article.paragraphs().size(), maxSummarySentences, rules));
		String problem = AnswerValidator.problemWith(article, result.content(), result.finishReason(),
				maxSummarySentences);
		if (problem != null) {
			throw ModelCalls.refused(article, result.finishReason(), problem);
		}
		return result.content();
	}

	/**
	 * Half the segment size after a request was too long for the model (refused, or its answer cut off);
	 * the failure itself when it is of another kind, or when the text cannot be cut that small.
	 */
	static int smaller(Article article, int maxTokens, TranslationFailedException ex, TokenBudget budget)
			throws TranslationFailedException {
		if (ex.kind() != TranslationFailedException.Kind.TOO_LONG && ex.kind() != TranslationFailedException.Kind.CUT_OFF) {
			throw ex;
		}
		int half = maxTokens / 2;
		if (half < TokenBudget.MIN_SEGMENT_TOKENS) {
			throw ex;
		}
		log.info("{}: {}; cutting the text in parts of {} tokens (is PASSERELLE_LLM_CONTEXT_TOKENS={} right for this model?)",
				article.source().id(), ex.getMessage(), half, budget.contextTokens());
		return half;
	}

	/** What the model sees of an article. */
	record ArticlePayload(String title, List<String> paragraphs) {
	}

}
