package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates an article too long for one request: its parts concurrently, each with the title and the
 * end of the part before it for context and each leaving short notes; then the pieces back in order,
 * and a summary written from the notes. A part refused as too long, or whose answer is cut off, is cut
 * in two and sent again.
 */
final class ArticleInParts {

	/** Notes on a part are asked for in 2 sentences; an answer with a few more is still usable. */
	static final int MAX_NOTE_SENTENCES = 4;

	private final ArticleTranslator translator;

	private final ModelCalls calls;

	private final TokenBudget budget;

	private final ArticleSplitter splitter;

	private final Executor executor;

	private final int maxSummarySentences;

	private final String rules = PromptVersion.text(ArticleTranslator.RULES);

	private final JsonMapper json = JsonMapper.builder().build();

	// answers to parts, on disk: a retried or restarted long article pays only for the parts it lacks
	private final PartAnswers partAnswers;

	private final String engine;

	ArticleInParts(ArticleTranslator translator, ModelCalls calls, TokenBudget budget, ArticleSplitter splitter,
			Executor executor, int maxSummarySentences, PartAnswers partAnswers, Translation.Engine engine) {
		this.partAnswers = partAnswers;
		this.engine = engine.provider() + "/" + engine.model() + "/" + engine.promptVersion();
		this.translator = translator;
		this.calls = calls;
		this.budget = budget;
		this.splitter = splitter;
		this.executor = executor;
		this.maxSummarySentences = maxSummarySentences;
	}

	TranslatedArticle translate(Article article, List<ArticleSplitter.Segment> segments, int maxTokens,
			GlossaryTerms terms, ModelCalls.Tally tally) throws TranslationFailedException {
		List<CompletableFuture<PartAnswer>> futures = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			ArticleSplitter.Segment segment = segments.get(i);
			String before = i == 0 ? "" : before(segments.get(i - 1));
			int part = i + 1;
			futures.add(CompletableFuture.supplyAsync(() -> {
				try {
					return part(article, segment, before, new Position(part, segments.size()), maxTokens, terms, tally);
				}
				catch (TranslationFailedException ex) {
					throw new CompletionException(ex);
				}
			}, executor));
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
				if (!(ex.getCause() instanceof TranslationFailedException failed)) {
					throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
				}
				failure = failure == null ? failed : failure;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return new TranslatedArticle(title, ArticleSplitter.reassemble(piecesOf(segments), pieces),
				summary(article, notes, tally));
	}

	/** One part: its pieces translated, and its notes. */
	private PartAnswer part(Article article, ArticleSplitter.Segment segment, String before, Position position,
			int maxTokens, GlossaryTerms terms, ModelCalls.Tally tally) throws TranslationFailedException {
		try {
			TranslatedArticle answer = partAnswer(article, segment, before, position, terms, tally);
			return new PartAnswer(answer.title(), answer.paragraphs(), List.of(answer.summary()));
		}
		catch (TranslationFailedException ex) {
			int smaller = TranslationService.smaller(article, Math.min(maxTokens, segment.tokens()), ex, budget);
			List<ArticleSplitter.Segment> halves = splitter.split(segment.texts(), smaller);
			List<String> pieces = new ArrayList<>();
			List<String> notes = new ArrayList<>();
			String title = null;
			String halfBefore = before;
			for (ArticleSplitter.Segment half : halves) {
				PartAnswer answer = part(article, half, halfBefore, position, smaller, terms, tally);
				title = title == null ? answer.title() : title;
				pieces.addAll(answer.pieces());
				notes.addAll(answer.notes());
				halfBefore = before(half);
			}
			return new PartAnswer(title, ArticleSplitter.reassemble(piecesOf(halves), pieces), notes);
		}
	}

	/** One part, asked once more, naming them, if the answer misses glossary terms the part uses. */
	private TranslatedArticle partAnswer(Article article, ArticleSplitter.Segment segment, String before,
			Position position, GlossaryTerms articleTerms, ModelCalls.Tally tally) throws TranslationFailedException {
		GlossaryTerms terms = articleTerms.within(article.title() + "\n" + String.join("\n", segment.texts()));
		TranslatedArticle first = partAnswerOnce(article, segment, before, position, GlossaryPrompt.of(terms), tally);
		List<GlossaryEntry> missed = terms.missingFrom(TranslationService.englishText(first));
		if (missed.isEmpty()) {
			return first;
		}
		return TranslationService.glossaryRetry(article, first, missed,
				() -> partAnswerOnce(article, segment, before, position, GlossaryPrompt.of(terms, missed), tally), terms);
	}

	private TranslatedArticle partAnswerOnce(Article article, ArticleSplitter.Segment segment, String before,
			Position position, String glossary, ModelCalls.Tally tally) throws TranslationFailedException {
		String payload = json.writeValueAsString(new PartPayload(article.title(), before, segment.texts()));
		String key = engine + "\n" + position + "\n" + glossary + "\n" + payload;
		java.util.Optional<TranslatedArticle> kept = partAnswers.find(article.sha256(), key);
		if (kept.isPresent()) {
			return kept.get();
		}
		int pieces = segment.pieces().size();
		int titleTokens = TokenCounter.shared().count(article.title());
		int promptExtra = glossary.isEmpty() ? 0 : TokenCounter.shared().count(glossary);
		Result<TranslatedArticle> result = calls.call(article,
				budget.requestAndAnswer(segment.tokens(), titleTokens) + promptExtra, tally,
				() -> translator.translatePart(payload, pieces, position.part(), position.parts(), rules, glossary));
		Article asSent = new Article(article.source(), article.sha256(), article.title(), segment.texts());
		String problem = AnswerValidator.problemWith(asSent, result.content(), result.finishReason(), MAX_NOTE_SENTENCES);
		if (problem != null) {
			throw ModelCalls.refused(article, result.finishReason(), "part " + position + ": " + problem);
		}
		partAnswers.keep(article.sha256(), key, result.content());
		return result.content();
	}

	/** The summary from the notes; notes too many for one request are summarised in groups first, until they fit. */
	private String summary(Article article, List<String> notes, ModelCalls.Tally tally) throws TranslationFailedException {
		int titleTokens = TokenCounter.shared().count(article.title());
		int limit = budget.notesTokens(titleTokens);
		List<String> current = notes;
		while (TokenCounter.shared().count(notesJson(article, current)) > limit) {
			List<String> condensed = new ArrayList<>();
			for (ArticleSplitter.Segment group : splitter.split(current, limit - titleTokens - 16)) {
				condensed.add(summarize(article, group.texts(), MAX_NOTE_SENTENCES - 1, tally));
			}
			current = condensed;
		}
		return summarize(article, current, maxSummarySentences, tally);
	}

	private String summarize(Article article, List<String> notes, int sentences, ModelCalls.Tally tally)
			throws TranslationFailedException {
		String payload = notesJson(article, notes);
		Result<ArticleTranslator.ArticleSummary> result = calls.call(article,
				budget.promptTokens() + TokenCounter.shared().count(payload) + budget.summaryTokens(), tally,
				() -> translator.summarize(payload, notes.size(), sentences));
		String summary = result.content() == null ? null : result.content().summary();
		String problem = AnswerValidator.summaryProblem(summary, result.finishReason(), sentences);
		if (problem != null) {
			throw ModelCalls.refused(article, result.finishReason(), "the summary of the parts' notes: " + problem);
		}
		return summary;
	}

	private String notesJson(Article article, List<String> notes) {
		return json.writeValueAsString(new NotesPayload(article.title(), notes));
	}

	private static List<ArticleSplitter.Piece> piecesOf(List<ArticleSplitter.Segment> segments) {
		return segments.stream().flatMap(segment -> segment.pieces().stream()).toList();
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

	/** Which part of how many, as the prompt tells the model. */
	private record Position(int part, int parts) {

		@Override
		public String toString() {
			return part + " of " + parts;
		}

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
