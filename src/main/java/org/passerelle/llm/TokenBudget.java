package org.passerelle.llm;

import java.util.List;

import org.passerelle.article.Article;
import org.passerelle.config.InvalidConfigurationException;
import org.passerelle.quality.glossary.GlossaryTerms;

/**
 * How much article text one request may carry. A request must hold the prompt, the text, and room for
 * the answer (the English text, about as long as the French, plus a summary or notes) inside the
 * model's context window, and the answer must stay under the output limit. Counts come from
 * {@link TokenCounter}, so they err on the high side.
 *
 * @param contextTokens the model's context window (PASSERELLE_LLM_CONTEXT_TOKENS)
 * @param maxOutputTokens the most the model may answer in one request
 * @param promptTokens the largest prompt's own text, with the answer format the client adds
 * @param summaryTokens room kept for a summary or for notes in the answer
 */
public record TokenBudget(int contextTokens, int maxOutputTokens, int promptTokens, int summaryTokens) {

	/** JSON structure of the request and the answer, and the answer schema the client sends. */
	static final int FORMAT_OVERHEAD = 200;

	/** The text just before a part, sent with it for context, is cut to about this many characters. */
	static final int BEFORE_CHARS = 400;

	/** Segments below this size are not worth a request: the context window is misconfigured. */
	static final int MIN_SEGMENT_TOKENS = 64;

	public static TokenBudget of(int contextTokens, int maxOutputTokens, int summaryMaxSentences) {
		TokenCounter counter = TokenCounter.shared();
		String rules = PromptVersion.text(ArticleTranslator.RULES);
		int article = counter.count(PromptVersion.text(ArticleTranslator.ARTICLE_SYSTEM) + rules
				+ PromptVersion.text(ArticleTranslator.ARTICLE_USER));
		int part = counter.count(PromptVersion.text(ArticleTranslator.PART_SYSTEM) + rules
				+ PromptVersion.text(ArticleTranslator.PART_USER)) + counter.count("x".repeat(BEFORE_CHARS));
		TokenBudget budget = new TokenBudget(contextTokens, maxOutputTokens,
				Math.max(article, part) + FORMAT_OVERHEAD, 30 + 45 * summaryMaxSentences);
		if (budget.segmentTokens(0) < MIN_SEGMENT_TOKENS) {
			throw new InvalidConfigurationException("a context window of " + contextTokens + " tokens leaves no room for "
					+ "article text next to Passerelle's prompt (" + budget.promptTokens + " tokens): raise "
					+ "PASSERELLE_LLM_CONTEXT_TOKENS (and PASSERELLE_LLM_MAX_OUTPUT_TOKENS) to what the model allows");
		}
		return budget;
	}

	/**
	 * The most article text, in tokens, one request may carry for an article with this title. Input is
	 * prompt + title + text, output is title + text + summary, and both share the window.
	 */
	public int segmentTokens(int titleTokens) {
		int room = contextTokens - promptTokens - summaryTokens - 2 * titleTokens;
		int byContext = room / 2;
		int byOutput = maxOutputTokens - summaryTokens - titleTokens;
		return Math.min(byContext, byOutput);
	}

	public int segmentTokens(Article article) {
		return segmentTokens(TokenCounter.shared().count(article.title()));
	}

	/** The most notes, in tokens, one summary request may carry. */
	public int notesTokens(int titleTokens) {
		return contextTokens - promptTokens - summaryTokens - titleTokens;
	}

	/**
	 * What translating this article should cost, before sending anything: how many parts, and the
	 * input and output tokens of all its requests (the parts and, for a long article, the summary).
	 */
	public Plan plan(Article article) {
		return plan(article, GlossaryTerms.NONE);
	}

	/** The same, for an article whose requests carry these glossary entries. */
	public Plan plan(Article article, GlossaryTerms terms) {
		TokenCounter counter = TokenCounter.shared();
		int titleTokens = counter.count(article.title());
		int glossaryTokens = terms.isEmpty() ? 0 : counter.count(GlossaryPrompt.of(terms));
		List<ArticleSplitter.Segment> segments = new ArticleSplitter(counter::count).split(article.paragraphs(),
				segmentTokens(titleTokens + glossaryTokens));
		long input = 0;
		long output = 0;
		for (ArticleSplitter.Segment segment : segments) {
			// an article that surely fits was not tokenized: count it now, for a close estimate
			int textTokens = segments.size() == 1 ? counter.count(String.join("\n", article.paragraphs())) : segment.tokens();
			input += requestInput(textTokens, titleTokens) + glossaryTokens;
			output += answerOutput(textTokens, titleTokens);
		}
		if (segments.size() > 1) {
			input += promptTokens + titleTokens + (long) segments.size() * summaryTokens;
			output += summaryTokens;
		}
		return new Plan(segments.size(), input, output);
	}

	/** The requests an article needs: {@code parts} is 1 when it fits one request. */
	public record Plan(int parts, long inputTokens, long outputTokens) {
	}

	/** A request carrying this much text and its expected answer, as charged to a tokens-per-minute allowance. */
	public long requestAndAnswer(int textTokens, int titleTokens) {
		return requestInput(textTokens, titleTokens) + answerOutput(textTokens, titleTokens);
	}

	/** Input tokens of a request carrying this much text, prompt included. */
	public long requestInput(int textTokens, int titleTokens) {
		return (long) promptTokens + titleTokens + textTokens;
	}

	/** Output tokens expected for this much text: about the same length in English, plus the summary or notes. */
	public long answerOutput(int textTokens, int titleTokens) {
		return (long) textTokens + titleTokens + summaryTokens;
	}

}
