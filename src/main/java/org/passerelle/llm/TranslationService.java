package org.passerelle.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import org.passerelle.quality.QualityReport;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;
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
		this.changed = new ChangedParagraphs(translator, calls, budget, maxSummarySentences);
	}

	private final ChangedParagraphs changed;

	/** True when what changed in the article, with its context, fits one request. */
	public boolean fitsOneRequest(Article article, ArticleChanges changes, GlossaryTerms terms) {
		return changed.fit(article, changes, terms);
	}

	/**
	 * True when what changed can be sent alone: in one request, or for a long article in several, each
	 * new paragraph with its context; otherwise the article goes whole.
	 */
	public boolean canSendChanges(Article article, ArticleChanges changes, GlossaryTerms terms) {
		return !changed.requests(article, changes, terms).isEmpty();
	}

	/** The input and output tokens sending these changes should cost, as the dry run estimates. */
	public long[] estimate(Article article, ArticleChanges changes, GlossaryTerms terms) {
		return changed.estimateAll(article, changes, terms);
	}

	/**
	 * Translates only what changed in an article: the answer holds the English of the new paragraphs (in
	 * the order of {@link ArticleChanges#paragraphs()}), a title and the revised summary.
	 */
	public Translation translate(Article article, ArticleChanges changes, GlossaryTerms terms)
			throws TranslationFailedException {
		long started = System.nanoTime();
		ModelCalls.Tally tally = new ModelCalls.Tally();
		TranslatedArticle english = changed.translate(article, changes, terms, tally);
		return new Translation(article, english, engine, tally.input.get(), tally.output.get(),
				Duration.ofNanos(System.nanoTime() - started), tally.fromBatch, terms, QualityReport.NOT_CHECKED);
	}

	/** An article whose changes are to be sent with others'. */
	public record Changed(Article article, ArticleChanges changes, GlossaryTerms terms) {
	}

	/**
	 * The changes of several articles in one request, so that they share the cost of the prompt: one
	 * translation per article, in order, with its share of the tokens; null for an article whose part of
	 * the answer is unusable (it is then sent on its own).
	 */
	public List<Translation> translateTogether(List<Changed> articles) throws TranslationFailedException {
		return changed.together(articles, engine);
	}

	/** True when a provider batch already paid for this article's whole translation. */
	public boolean paidInBatch(Article article, GlossaryTerms terms) {
		return capture != null && answeredInBatch(article, GlossaryPrompt.of(terms));
	}

	private ArticleTranslator capture;

	/**
	 * Lets this service write the requests of a provider batch: the same AI Service over a model of the
	 * same settings whose HTTP client captures the request instead of sending it.
	 */
	public TranslationService capturingBatchRequestsWith(ChatModel captureModel, BatchAnswers answers) {
		this.capture = AiServices.builder(ArticleTranslator.class).chatModel(captureModel).build();
		this.batchAnswers = answers;
		return this;
	}

	private BatchAnswers batchAnswers;

	/**
	 * True when the provider batch holds the answer to this article's request with this glossary text: it
	 * is paid for already. (A second request naming missed glossary terms is never in the batch.)
	 */
	private boolean answeredInBatch(Article article, String glossary) {
		return batchAnswers != null && batchAnswers.size() > 0
				&& batchAnswers.has(captured(article, glossary).customId());
	}

	public Translation.Engine engine() {
		return engine;
	}

	/**
	 * The request a live call would send for this article, for a provider batch; empty when the article
	 * needs more than one request (its parts and summary then go live).
	 */
	public java.util.Optional<BatchRequest> batchRequest(Article article, GlossaryTerms terms) {
		String glossary = GlossaryPrompt.of(terms);
		List<ArticleSplitter.Segment> segments = splitter.split(article.paragraphs(), segmentTokens(article, glossary));
		if (segments.size() != 1) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(captured(article, glossary));
	}

	/**
	 * The request a live call sending only these changes would send, for a provider batch; empty when they
	 * do not fit one request. The live call finds the batch's answer to it as a whole article's does.
	 */
	public java.util.Optional<BatchRequest> batchRequest(Article article, ArticleChanges changes, GlossaryTerms terms) {
		if (!changed.fit(article, changes, terms)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(changed.captured(capture, article, changes, terms));
	}

	/** The request a live call for the whole article, with this glossary text, sends. */
	private BatchRequest captured(Article article, String glossary) {
		String payload = json.writeValueAsString(new ArticlePayload(article.title(), article.paragraphs()));
		return capturedBy(() -> capture.translate(payload, article.paragraphs().size(), maxSummarySentences, rules, glossary),
				article);
	}

	/** The request this call of the capturing AI Service would have sent. */
	static BatchRequest capturedBy(Runnable call, Article article) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			RequestCapture.Captured captured = RequestCapture.Captured.in(ex);
			if (captured == null) {
				throw ex;
			}
			String body = captured.request().body();
			return new BatchRequest(BatchAnswers.idOf(body), article.source().id(),
					java.net.URI.create(captured.request().url()).getPath(), body);
		}
		throw new IllegalStateException("the capturing model sent a request instead of capturing it");
	}

	/** The most article text one request may carry, its glossary text lengthening the prompt. */
	private int segmentTokens(Article article, String glossary) {
		return budget.segmentTokens(TokenCounter.shared().count(article.title())
				+ (glossary.isEmpty() ? 0 : TokenCounter.shared().count(glossary)));
	}

	public Translation translate(Article article) throws TranslationFailedException {
		return translate(article, GlossaryTerms.NONE);
	}

	/**
	 * @param terms the glossary entries the article uses: its requests carry them, and an answer that
	 * misses some of their English forms is asked for once more, naming them
	 */
	public Translation translate(Article article, GlossaryTerms terms) throws TranslationFailedException {
		long started = System.nanoTime();
		ModelCalls.Tally tally = new ModelCalls.Tally();
		// the glossary lengthens the prompt, so it shortens the text a request can carry
		int maxTokens = segmentTokens(article, GlossaryPrompt.of(terms));
		List<ArticleSplitter.Segment> segments = splitter.split(article.paragraphs(), maxTokens);
		TranslatedArticle english = null;
		while (english == null && segments.size() == 1) {
			try {
				english = whole(article, segments.get(0), terms, tally);
			}
			catch (TranslationFailedException ex) {
				maxTokens = smaller(article, Math.min(maxTokens, segments.get(0).tokens()), ex, budget);
				segments = splitter.split(article.paragraphs(), maxTokens);
			}
		}
		if (english == null) {
			log.info("{}: too long for one request, translating it in {} parts", article.source().id(), segments.size());
			english = inParts.translate(article, segments, maxTokens, terms, tally);
		}
		return new Translation(article, english, engine, tally.input.get(), tally.output.get(),
				Duration.ofNanos(System.nanoTime() - started), tally.fromBatch, terms, QualityReport.NOT_CHECKED);
	}

	/** The whole article in one request; once more, naming them, if the answer misses glossary terms. */
	private TranslatedArticle whole(Article article, ArticleSplitter.Segment text, GlossaryTerms terms,
			ModelCalls.Tally tally) throws TranslationFailedException {
		TranslatedArticle first = wholeOnce(article, text, GlossaryPrompt.of(terms), tally);
		List<GlossaryEntry> missed = terms.missingFrom(englishText(first));
		if (missed.isEmpty()) {
			return first;
		}
		return glossaryRetry(article, first, missed, () -> wholeOnce(article, text, GlossaryPrompt.of(terms, missed), tally),
				terms);
	}

	/**
	 * The answer to a request asked once more because it missed glossary terms: the second answer, unless
	 * it misses more of them or is unusable, in which case the first stands (and is flagged).
	 */
	static TranslatedArticle glossaryRetry(Article article, TranslatedArticle first, List<GlossaryEntry> missed,
			Attempt again, GlossaryTerms terms) {
		log.info("{}: the answer did not use the glossary's English for {}; asking once more", article.source().id(),
				String.join(", ", missed.stream().map(GlossaryEntry::shown).toList()));
		try {
			TranslatedArticle second = again.answer();
			return terms.missingFrom(englishText(second)).size() <= missed.size() ? second : first;
		}
		catch (TranslationFailedException ex) {
			log.info("{}: the second answer could not be used ({}); keeping the first", article.source().id(),
					ex.getMessage());
			return first;
		}
		catch (CallNotSentException ex) {
			// the first answer is paid for: it is kept (and flagged), not thrown away with the article deferred
			log.info("{}: the second ask was not sent ({}); keeping the first", article.source().id(), ex.getMessage());
			return first;
		}
	}

	/** One more request for the same text. */
	@FunctionalInterface
	interface Attempt {

		TranslatedArticle answer() throws TranslationFailedException;

	}

	/** The title and paragraphs of an answer, where glossary terms must appear. */
	static String englishText(TranslatedArticle answer) {
		return answer.title() + "\n" + String.join("\n", answer.paragraphs());
	}

	/** One request for the whole article: translation and summary together. */
	private TranslatedArticle wholeOnce(Article article, ArticleSplitter.Segment text, String glossary,
			ModelCalls.Tally tally) throws TranslationFailedException {
		// The article goes in as JSON so that nothing in its text can pass for the prompt's own words.
		String payload = json.writeValueAsString(new ArticlePayload(article.title(), article.paragraphs()));
		// an article that surely fits was not tokenized; under a tokens-per-minute limit its size matters
		int textTokens = calls.limitsTokens() ? TokenCounter.shared().count(String.join("\n", article.paragraphs()))
				: text.tokens();
		int promptExtra = glossary.isEmpty() ? 0 : TokenCounter.shared().count(glossary);
		long estimate = answeredInBatch(article, glossary) ? 0
				: budget.requestAndAnswer(textTokens, TokenCounter.shared().count(article.title())) + promptExtra;
		Result<TranslatedArticle> result = calls.call(article, estimate, tally,
				() -> translator.translate(payload, article.paragraphs().size(), maxSummarySentences, rules, glossary));
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
