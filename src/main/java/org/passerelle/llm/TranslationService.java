package org.passerelle.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates one article and checks every answer before handing it on. An article that fits one
 * request (see {@link TokenBudget}) costs one call for its translation and summary. A longer one is
 * cut into parts ({@link ArticleSplitter}) translated concurrently, each with the title and the text
 * just before it for context and each leaving short notes; the summary is then written from the notes.
 * When the provider says a request exceeds the context window, the text is cut smaller and sent again.
 * Every call goes through the run's shared {@link ProviderLimits}.
 */
public class TranslationService {

	private static final Logger log = LoggerFactory.getLogger(TranslationService.class);

	/** Notes on a part are asked for in 2 sentences; an answer with a few more is still usable. */
	static final int MAX_NOTE_SENTENCES = 4;

	/** Answers to parts kept in memory, so that a retried long article pays only for the parts that failed. */
	private static final int REMEMBERED_PARTS = 512;

	private final ArticleTranslator translator;

	private final Translation.Engine engine;

	private final int maxSummarySentences;

	private final String secret;

	private final TokenBudget budget;

	private final ProviderLimits limits;

	private final Executor partExecutor;

	private final ArticleSplitter splitter = new ArticleSplitter(TokenCounter.shared()::count);

	private final String rules = PromptVersion.text(ArticleTranslator.RULES);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, TranslatedArticle> translatedParts = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, TranslatedArticle> eldest) {
					return size() > REMEMBERED_PARTS;
				}
			});

	public TranslationService(ChatModel chatModel, Translation.Engine engine, int maxSummarySentences, String secret,
			TokenBudget budget, ProviderLimits limits, Executor partExecutor) {
		this.translator = AiServices.builder(ArticleTranslator.class).chatModel(chatModel).build();
		this.engine = engine;
		this.maxSummarySentences = maxSummarySentences;
		this.secret = secret;
		this.budget = budget;
		this.limits = limits;
		this.partExecutor = partExecutor;
	}

	public Translation.Engine engine() {
		return engine;
	}

	public Translation translate(Article article) throws TranslationFailedException {
		long started = System.nanoTime();
		Usage usage = new Usage();
		int maxTokens = budget.segmentTokens(article);
		List<ArticleSplitter.Segment> segments = splitter.split(article.paragraphs(), maxTokens);
		TranslatedArticle english = null;
		while (english == null && segments.size() == 1) {
			try {
				int textTokens = limits.limitsTokens() ? TokenCounter.shared().count(String.join("\n", article.paragraphs()))
						: segments.get(0).tokens();
				english = whole(article, textTokens, usage);
			}
			catch (TranslationFailedException ex) {
				maxTokens = smaller(Math.min(maxTokens, segments.get(0).tokens()), ex);
				segments = splitter.split(article.paragraphs(), maxTokens);
			}
		}
		if (english == null) {
			log.info("{}: too long for one request, translating it in {} parts", article.source().id(), segments.size());
			english = inParts(article, segments, maxTokens, usage);
		}
		return new Translation(article, english, engine, usage.input.get(), usage.output.get(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/** One request for the whole article: translation and summary together. */
	private TranslatedArticle whole(Article article, int textTokens, Usage usage) throws TranslationFailedException {
		// The article goes in as JSON so that nothing in its text can pass for the prompt's own words.
		String payload = json.writeValueAsString(new ArticlePayload(article.title(), article.paragraphs()));
		int titleTokens = TokenCounter.shared().count(article.title());
		Result<TranslatedArticle> result = call(article, estimate(textTokens, titleTokens), usage,
				() -> translator.translate(payload, article.paragraphs().size(), maxSummarySentences, rules));
		requireNotCutOff(article, result.finishReason());
		String problem = AnswerValidator.problemWith(article, result.content(), result.finishReason(),
				maxSummarySentences);
		if (problem != null) {
			throw new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER, problem);
		}
		return result.content();
	}

	private TranslatedArticle inParts(Article article, List<ArticleSplitter.Segment> segments, int maxTokens,
			Usage usage) throws TranslationFailedException {
		List<CompletableFuture<PartAnswer>> futures = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			ArticleSplitter.Segment segment = segments.get(i);
			String before = i == 0 ? "" : before(segments.get(i - 1));
			int part = i + 1;
			futures.add(CompletableFuture.supplyAsync(() -> {
				try {
					return part(article, segment, before, part, segments.size(), maxTokens, usage);
				}
				catch (TranslationFailedException ex) {
					throw new CompletionException(ex);
				}
			}, partExecutor));
		}
		List<String> pieces = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		String title = null;
		TranslationFailedException failure = null;
		// wait for every part, even after a failure: the ones that succeed are kept for the retry
		for (CompletableFuture<PartAnswer> future : futures) {
			try {
				PartAnswer answer = future.join();
				title = title == null ? answer.title() : title;
				pieces.addAll(answer.pieces());
				notes.addAll(answer.notes());
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof TranslationFailedException failed) {
					failure = failure == null ? failed : failure;
				}
				else if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				else {
					throw ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		List<ArticleSplitter.Piece> allPieces = segments.stream().flatMap(segment -> segment.pieces().stream()).toList();
		return new TranslatedArticle(title, ArticleSplitter.reassemble(allPieces, pieces), summary(article, notes, usage));
	}

	/** One part: its pieces translated and its notes. A part too long for the provider is cut smaller and sent again. */
	private PartAnswer part(Article article, ArticleSplitter.Segment segment, String before, int part, int parts,
			int maxTokens, Usage usage) throws TranslationFailedException {
		try {
			TranslatedArticle answer = partAnswer(article, segment, before, part, parts, usage);
			return new PartAnswer(answer.title(), answer.paragraphs(), List.of(answer.summary()));
		}
		catch (TranslationFailedException ex) {
			int smaller = smaller(Math.min(maxTokens, segment.tokens()), ex);
			List<ArticleSplitter.Segment> subSegments = splitter.split(segment.texts(), smaller);
			List<String> subPieces = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			String title = null;
			String subBefore = before;
			for (ArticleSplitter.Segment subSegment : subSegments) {
				PartAnswer answer = part(article, subSegment, subBefore, part, parts, smaller, usage);
				title = title == null ? answer.title() : title;
				subPieces.addAll(answer.pieces());
				notes.addAll(answer.notes());
				subBefore = before(subSegment);
			}
			return new PartAnswer(title, ArticleSplitter.reassemble(subSegments.stream()
				.flatMap(sub -> sub.pieces().stream()).toList(), subPieces), notes);
		}
	}

	private TranslatedArticle partAnswer(Article article, ArticleSplitter.Segment segment, String before, int part,
			int parts, Usage usage) throws TranslationFailedException {
		String payload = json.writeValueAsString(new PartPayload(article.title(), before, segment.texts()));
		int pieces = segment.pieces().size();
		String key = part + "/" + parts + ":" + payload;
		TranslatedArticle remembered = translatedParts.get(key);
		if (remembered != null) {
			return remembered;
		}
		int titleTokens = TokenCounter.shared().count(article.title());
		Result<TranslatedArticle> result = call(article, estimate(segment.tokens(), titleTokens), usage,
				() -> translator.translatePart(payload, pieces, part, parts, rules));
		requireNotCutOff(article, result.finishReason());
		Article asSent = new Article(article.source(), article.sha256(), article.title(), segment.texts());
		String problem = AnswerValidator.problemWith(asSent, result.content(), result.finishReason(), MAX_NOTE_SENTENCES);
		if (problem != null) {
			throw new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER,
					"part " + part + " of " + parts + ": " + problem);
		}
		translatedParts.put(key, result.content());
		return result.content();
	}

	/**
	 * The article's summary from the notes on its parts. Notes too many for one request are summarised
	 * in groups first, and those summaries become the notes, until they fit.
	 */
	private String summary(Article article, List<String> notes, Usage usage) throws TranslationFailedException {
		int titleTokens = TokenCounter.shared().count(article.title());
		int limit = budget.notesTokens(titleTokens);
		List<String> current = notes;
		while (TokenCounter.shared().count(notesJson(article, current)) > limit) {
			List<String> condensed = new ArrayList<>();
			for (ArticleSplitter.Segment group : splitter.split(current, limit - titleTokens - 16)) {
				condensed.add(summarize(article, group.texts(), MAX_NOTE_SENTENCES - 1, usage));
			}
			current = condensed;
		}
		return summarize(article, current, maxSummarySentences, usage);
	}

	private String summarize(Article article, List<String> notes, int sentences, Usage usage)
			throws TranslationFailedException {
		String payload = notesJson(article, notes);
		Result<ArticleTranslator.ArticleSummary> result = call(article,
				budget.promptTokens() + TokenCounter.shared().count(payload) + budget.summaryTokens(), usage,
				() -> translator.summarize(payload, notes.size(), sentences));
		String summary = result.content() == null ? null : result.content().summary();
		String problem = AnswerValidator.summaryProblem(summary, result.finishReason(), sentences);
		if (problem != null) {
			throw new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER,
					"the summary of the parts' notes: " + problem);
		}
		return summary;
	}

	private String notesJson(Article article, List<String> notes) {
		return json.writeValueAsString(new NotesPayload(article.title(), notes));
	}

	/** The end of a part, given with the next part so that it does not start blind. */
	private static String before(ArticleSplitter.Segment segment) {
		List<ArticleSplitter.Piece> pieces = segment.pieces();
		String last = pieces.get(pieces.size() - 1).text().strip();
		if (last.length() <= TokenBudget.BEFORE_CHARS) {
			return last;
		}
		String tail = last.substring(last.length() - TokenBudget.BEFORE_CHARS);
		int space = tail.indexOf(' ');
		return space < 0 ? tail : tail.substring(space + 1);
	}

	/**
	 * Half the segment size after a request was too long for the model (refused, or its answer cut off);
	 * the failure itself when the text cannot be cut that small.
	 */
	private int smaller(int maxTokens, TranslationFailedException ex) throws TranslationFailedException {
		if (ex.kind() != TranslationFailedException.Kind.TOO_LONG && ex.kind() != TranslationFailedException.Kind.CUT_OFF) {
			throw ex;
		}
		int half = maxTokens / 2;
		if (half < TokenBudget.MIN_SEGMENT_TOKENS) {
			throw ex;
		}
		log.info("{}; cutting the text in parts of {} tokens (is PASSERELLE_LLM_CONTEXT_TOKENS={} right for this model?)",
				ex.getMessage(), half, budget.contextTokens());
		return half;
	}

	/** An answer that ended because the model ran out of room, not because it was done. */
	private static void requireNotCutOff(Article article, dev.langchain4j.model.output.FinishReason finishReason)
			throws TranslationFailedException {
		if (finishReason == dev.langchain4j.model.output.FinishReason.LENGTH) {
			throw new TranslationFailedException(article, TranslationFailedException.Kind.CUT_OFF,
					"the answer was cut off by the model's output limit");
		}
	}

	private long estimate(int textTokens, int titleTokens) {
		return budget.requestInput(textTokens, titleTokens) + budget.answerOutput(textTokens, titleTokens);
	}

	/** One call to the model within the run's limits, its failures turned into reasons a user can act on. */
	private <T> Result<T> call(Article article, long estimatedTokens, Usage usage, Supplier<Result<T>> request)
			throws TranslationFailedException {
		ProviderLimits.Permit permit;
		try {
			permit = limits.acquire(estimatedTokens);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TranslationFailedException(article, TranslationFailedException.Kind.PROVIDER_UNAVAILABLE,
					"interrupted while waiting for the provider's rate limits");
		}
		try (permit) {
			ProviderResponses.forget();
			Result<T> result = request.get();
			TokenUsage tokens = result.tokenUsage();
			long input = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
			long output = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
			usage.input.addAndGet(input);
			usage.output.addAndGet(output);
			permit.settle(input + output);
			return result;
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
			TranslationFailedException failure = FailureClassifier.classify(article, ex, secret);
			limits.slowDown(failure.retryAfter().orElse(RATE_LIMIT_PAUSE));
			throw failure;
		}
		catch (RuntimeException ex) {
			if (ex instanceof dev.langchain4j.service.output.OutputParsingException && ProviderResponses.lastWasLength()) {
				// a structured answer cut off mid-JSON cannot be parsed; the finish reason says why
				throw new TranslationFailedException(article, TranslationFailedException.Kind.CUT_OFF,
						"the answer was cut off by the model's output limit", ex, java.util.Optional.empty());
			}
			throw FailureClassifier.classify(article, ex, secret);
		}
	}

	/** How long every call holds back after a 429 that did not say how long to wait. */
	static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

	/** Tokens the provider reported for one article, across all its calls. */
	private static final class Usage {

		final AtomicLong input = new AtomicLong();

		final AtomicLong output = new AtomicLong();

	}

	/** What the model sees of an article. */
	record ArticlePayload(String title, List<String> paragraphs) {
	}

	/** What the model sees of one part of a long article. */
	record PartPayload(String title, String before, List<String> paragraphs) {
	}

	/** What the model sees when it summarises a long article. */
	record NotesPayload(String title, List<String> notes) {
	}

	/** A part's answer: one translation per piece, and the notes for the summary. */
	private record PartAnswer(String title, List<String> pieces, List<String> notes) {
	}

}
