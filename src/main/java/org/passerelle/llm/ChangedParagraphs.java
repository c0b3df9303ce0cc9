package org.passerelle.llm;

import java.util.List;

import dev.langchain4j.service.Result;
import org.passerelle.article.Article;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what changed in an article ({@link ArticleChanges}) in one request and checks the answer as a
 * whole article's is checked; asks once more, naming them, when it misses glossary terms.
 */
final class ChangedParagraphs {

	private final ArticleTranslator translator;

	private final ModelCalls calls;

	private final TokenBudget budget;

	private final int maxSummarySentences;

	private final String rules = PromptVersion.text(ArticleTranslator.RULES);

	private final JsonMapper json = JsonMapper.builder().build();

	ChangedParagraphs(ArticleTranslator translator, ModelCalls calls, TokenBudget budget, int maxSummarySentences) {
		this.translator = translator;
		this.calls = calls;
		this.budget = budget;
		this.maxSummarySentences = maxSummarySentences;
	}

	/** True when the changes and their context fit one request. */
	boolean fit(Article article, ArticleChanges changes, GlossaryTerms terms) {
		return textTokens(article, changes) <= budget.segmentTokens(TokenCounter.shared().count(article.title())
				+ glossaryTokens(GlossaryPrompt.of(termsOf(article, changes, terms))));
	}

	/** Input and output tokens the request should cost, as the dry run estimates them. */
	long[] estimate(Article article, ArticleChanges changes, GlossaryTerms terms) {
		int titleTokens = TokenCounter.shared().count(article.title());
		int fresh = TokenCounter.shared().count(String.join("\n", changes.newParagraphs(article)));
		return new long[] {
				budget.requestInput(textTokens(article, changes), titleTokens)
						+ glossaryTokens(GlossaryPrompt.of(termsOf(article, changes, terms))),
				budget.answerOutput(fresh, changes.title() ? titleTokens : 0) };
	}

	/**
	 * The requests these changes go in, in article order: one when they fit; otherwise, as a long
	 * article's parts, consecutive new paragraphs per request, each with the paragraph before its runs as
	 * context. The first takes the title and what the earlier version lost. Empty when one new paragraph
	 * with its context is already too long: the article then goes whole, in parts.
	 */
	List<ArticleChanges> requests(Article article, ArticleChanges changes, GlossaryTerms terms) {
		if (fit(article, changes, terms)) {
			return List.of(changes);
		}
		List<ArticleChanges> requests = new java.util.ArrayList<>();
		List<Integer> current = new java.util.ArrayList<>();
		for (int index : changes.paragraphs()) {
			List<Integer> longer = new java.util.ArrayList<>(current);
			longer.add(index);
			if (!current.isEmpty() && !fit(article, part(changes, longer, requests.isEmpty()), terms)) {
				requests.add(part(changes, current, requests.isEmpty()));
				longer = new java.util.ArrayList<>(List.of(index));
			}
			current = longer;
		}
		requests.add(part(changes, current, requests.isEmpty()));
		return requests.stream().allMatch(one -> fit(article, one, terms)) ? requests : List.of();
	}

	private static ArticleChanges part(ArticleChanges changes, List<Integer> paragraphs, boolean first) {
		return new ArticleChanges(paragraphs, first && changes.title(), changes.earlierSummary(),
				first ? changes.removed() : List.of());
	}

	/** Input and output tokens all the requests of {@link #requests} should cost. */
	long[] estimateAll(Article article, ArticleChanges changes, GlossaryTerms terms) {
		long[] total = new long[2];
		for (ArticleChanges one : requests(article, changes, terms)) {
			long[] each = estimate(article, one, terms);
			total[0] += each[0];
			total[1] += each[1];
		}
		return total;
	}

	/**
	 * Sends the changes in their requests, one after the other: each revises the summary the one before
	 * answered, so the last summary has seen every new paragraph and every paragraph that went.
	 */
	TranslatedArticle translate(Article article, ArticleChanges changes, GlossaryTerms articleTerms,
			ModelCalls.Tally tally) throws TranslationFailedException {
		List<ArticleChanges> requests = requests(article, changes, articleTerms);
		if (requests.size() <= 1) {
			return translateOne(article, changes, articleTerms, tally);
		}
		org.slf4j.LoggerFactory.getLogger(ChangedParagraphs.class).info("{}: its changes go in {} requests",
				article.source().id(), requests.size());
		String title = null;
		List<String> paragraphs = new java.util.ArrayList<>();
		String summary = changes.earlierSummary();
		for (ArticleChanges one : requests) {
			TranslatedArticle answer = translateOne(article,
					new ArticleChanges(one.paragraphs(), one.title(), summary, one.removed()), articleTerms, tally);
			title = title == null ? answer.title() : title;
			paragraphs.addAll(answer.paragraphs());
			summary = answer.summary();
		}
		return new TranslatedArticle(title, paragraphs, summary);
	}

	private TranslatedArticle translateOne(Article article, ArticleChanges changes, GlossaryTerms articleTerms,
			ModelCalls.Tally tally) throws TranslationFailedException {
		GlossaryTerms terms = termsOf(article, changes, articleTerms);
		TranslatedArticle first = once(article, changes, GlossaryPrompt.of(terms), tally);
		List<GlossaryEntry> missed = terms.within(changedFrench(article, changes))
			.missingFrom(TranslationService.englishText(first));
		if (missed.isEmpty()) {
			return first;
		}
		return TranslationService.glossaryRetry(article, first, missed,
				() -> once(article, changes, GlossaryPrompt.of(terms, missed), tally), terms.within(changedFrench(article, changes)));
	}

	private TranslatedArticle once(Article article, ArticleChanges changes, String glossary, ModelCalls.Tally tally)
			throws TranslationFailedException {
		List<String> fresh = changes.newParagraphs(article);
		String payload = payload(article, changes, fresh);
		long[] estimate = estimate(article, changes, GlossaryTerms.NONE);
		Result<TranslatedArticle> result = calls.call(article, estimate[0] + estimate[1] + glossaryTokens(glossary), tally,
				() -> translator.translateChanges(payload, fresh.size(), maxSummarySentences, rules, glossary));
		Article asSent = new Article(article.source(), article.sha256(), article.title(), fresh);
		String problem = AnswerValidator.problemWith(asSent, result.content(), result.finishReason(), maxSummarySentences);
		if (problem != null) {
			throw ModelCalls.refused(article, result.finishReason(), "the changed paragraphs: " + problem);
		}
		return result.content();
	}

	/** The request {@link #translate} sends first, as the capturing AI Service writes it for a provider batch. */
	BatchRequest captured(ArticleTranslator capture, Article article, ArticleChanges changes, GlossaryTerms articleTerms) {
		String glossary = GlossaryPrompt.of(termsOf(article, changes, articleTerms));
		List<String> fresh = changes.newParagraphs(article);
		String payload = payload(article, changes, fresh);
		return TranslationService.capturedBy(
				() -> capture.translateChanges(payload, fresh.size(), maxSummarySentences, rules, glossary), article);
	}

	private String payload(Article article, ArticleChanges changes, List<String> fresh) {
		return json.writeValueAsString(new ArticleChanges.Payload(article.title(), changes.context(article), fresh,
				changes.earlierSummary(), changes.removed()));
	}

	/**
	 * Several articles' changes in one request. Each article's answer is checked on its own: an unusable
	 * one (or one that misses its glossary terms) is null, and that article is left to a request of its
	 * own. The tokens billed are shared among the articles by the size of their part of the request.
	 */
	List<Translation> together(List<TranslationService.Changed> articles, Translation.Engine engine)
			throws TranslationFailedException {
		long started = System.nanoTime();
		ModelCalls.Tally tally = new ModelCalls.Tally();
		GlossaryTerms terms = new GlossaryTerms(articles.stream()
			.flatMap(one -> termsOf(one.article(), one.changes(), one.terms()).entries().stream()).distinct().toList());
		String glossary = GlossaryPrompt.of(terms);
		List<ArticleChanges.Payload> payloads = articles.stream().map(one -> one.changes().payload(one.article())).toList();
		String payload = json.writeValueAsString(new ArticleChanges.Together(payloads));
		long estimate = glossaryTokens(glossary);
		for (TranslationService.Changed one : articles) {
			long[] each = estimate(one.article(), one.changes(), GlossaryTerms.NONE);
			estimate += each[0] + each[1];
		}
		Article first = articles.get(0).article();
		Result<ArticleTranslator.TranslatedTogether> result = calls.call(first, estimate, tally,
				() -> translator.translateTogether(payload, articles.size(), maxSummarySentences, rules, glossary));
		String finish = AnswerValidator.finishProblem(result.finishReason());
		List<TranslatedArticle> answers = result.content() == null || result.content().articles() == null ? List.of()
				: result.content().articles();
		if (answers.size() != articles.size() && finish == null) {
			finish = "the answer has " + answers.size() + " articles for the request's " + articles.size();
		}
		long[] sizes = payloads.stream().mapToLong(one -> json.writeValueAsString(one).length()).toArray();
		long total = java.util.Arrays.stream(sizes).sum();
		long input = tally.input.get();
		long output = tally.output.get();
		java.time.Duration time = java.time.Duration.ofNanos(System.nanoTime() - started);
		List<Translation> translations = new java.util.ArrayList<>();
		long inputLeft = input;
		long outputLeft = output;
		for (int i = 0; i < articles.size(); i++) {
			TranslationService.Changed one = articles.get(i);
			boolean last = i == articles.size() - 1;
			long myInput = last ? inputLeft : input * sizes[i] / total;
			long myOutput = last ? outputLeft : output * sizes[i] / total;
			inputLeft -= myInput;
			outputLeft -= myOutput;
			TranslatedArticle answer = i < answers.size() ? answers.get(i) : null;
			boolean usable = finish == null && usable(one, answer);
			translations.add(usable ? new Translation(one.article(), answer, engine, myInput, myOutput, time,
					tally.fromBatch, one.terms(), org.passerelle.quality.QualityReport.NOT_CHECKED) : null);
		}
		if (finish != null) {
			throw ModelCalls.refused(first, result.finishReason(), "the changes of " + articles.size() + " articles: " + finish);
		}
		return translations;
	}

	private boolean usable(TranslationService.Changed one, TranslatedArticle answer) {
		if (answer == null) {
			return false;
		}
		List<String> fresh = one.changes().newParagraphs(one.article());
		String problem = org.passerelle.quality.AnswerChecks.problemWith(fresh, answer.title(), answer.paragraphs(),
				answer.summary(), maxSummarySentences);
		if (problem != null) {
			org.slf4j.LoggerFactory.getLogger(ChangedParagraphs.class).info("{}: its part of a shared request is unusable ({}); "
					+ "it will be sent alone", one.article().source().id(), problem);
			return false;
		}
		return termsOf(one.article(), one.changes(), one.terms()).within(changedFrench(one.article(), one.changes()))
			.missingFrom(TranslationService.englishText(answer)).isEmpty();
	}

	/** The entries the request's text uses: the changes, their context and the title. */
	private static GlossaryTerms termsOf(Article article, ArticleChanges changes, GlossaryTerms terms) {
		return terms.within(article.title() + "\n" + String.join("\n", changes.context(article)) + "\n"
				+ String.join("\n", changes.newParagraphs(article)));
	}

	/** The French whose English the answer must render with the glossary's forms. */
	private static String changedFrench(Article article, ArticleChanges changes) {
		return (changes.title() ? article.title() : "") + "\n" + String.join("\n", changes.newParagraphs(article));
	}

	private int textTokens(Article article, ArticleChanges changes) {
		TokenCounter counter = TokenCounter.shared();
		return counter.count(String.join("\n", changes.newParagraphs(article)))
				+ counter.count(String.join("\n", changes.context(article)))
				+ counter.count(changes.earlierSummary() == null ? "" : changes.earlierSummary())
				+ counter.count(String.join("\n", changes.removed()));
	}

	private static int glossaryTokens(String glossary) {
		return glossary.isEmpty() ? 0 : TokenCounter.shared().count(glossary);
	}

}
