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

	/** True when the changes and their context fit one request; otherwise the article goes as a new one. */
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

	TranslatedArticle translate(Article article, ArticleChanges changes, GlossaryTerms articleTerms,
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
		String payload = json.writeValueAsString(new ArticleChanges.Payload(article.title(), changes.context(article), fresh,
				changes.earlierSummary(), changes.removed()));
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
