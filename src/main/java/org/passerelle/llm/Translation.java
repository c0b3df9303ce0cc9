package org.passerelle.llm;

import java.time.Duration;

import org.passerelle.article.Article;
import org.passerelle.quality.QualityReport;
import org.passerelle.quality.glossary.GlossaryTerms;

/**
 * A checked translation of one article, with what it cost.
 *
 * @param article the source article
 * @param english the model's answer, already validated
 * @param engine which provider, model and prompt produced it
 * @param inputTokens prompt tokens the provider reported (0 if it reported none)
 * @param outputTokens completion tokens the provider reported (0 if it reported none)
 * @param llmTime time spent waiting for the provider
 * @param fromBatch the answer came from a provider batch, billed at the batch price
 * @param glossary the glossary entries the article uses, which its requests carried
 * @param quality the quality flags raised on it, once checked
 * @param reuse what of it came from the translation memory
 */
public record Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens,
		long outputTokens, Duration llmTime, boolean fromBatch, GlossaryTerms glossary, QualityReport quality,
		Reuse reuse) {

	public Translation {
		reuse = reuse == null ? Reuse.NONE : reuse;
	}

	public Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens, long outputTokens,
			Duration llmTime, boolean fromBatch, GlossaryTerms glossary, QualityReport quality) {
		this(article, english, engine, inputTokens, outputTokens, llmTime, fromBatch, glossary, quality, Reuse.NONE);
	}

	public Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens, long outputTokens,
			Duration llmTime, boolean fromBatch) {
		this(article, english, engine, inputTokens, outputTokens, llmTime, fromBatch, GlossaryTerms.NONE,
				QualityReport.NOT_CHECKED);
	}

	public Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens, long outputTokens,
			Duration llmTime) {
		this(article, english, engine, inputTokens, outputTokens, llmTime, false);
	}

	/** The same translation, with the glossary entries its article uses and its quality flags. */
	public Translation checked(GlossaryTerms terms, QualityReport report) {
		return new Translation(article, english, engine, inputTokens, outputTokens, llmTime, fromBatch, terms, report,
				reuse);
	}

	/** The same translation, saying what of it came from the translation memory. */
	public Translation reusing(Reuse memory) {
		return new Translation(article, english, engine, inputTokens, outputTokens, llmTime, fromBatch, glossary, quality,
				memory);
	}

	/**
	 * What the translation memory gave: how many of the article's paragraphs, and the tokens that spared,
	 * estimated as the dry run estimates (a translation from scratch, less what was sent).
	 */
	public record Reuse(int paragraphs, int ofParagraphs, long savedInputTokens, long savedOutputTokens) {

		public static final Reuse NONE = new Reuse(0, 0, 0, 0);

		public boolean any() {
			return paragraphs > 0 || savedInputTokens > 0;
		}

	}

	/** What produced a translation; an article is translated again when any part of it changes. */
	public record Engine(String provider, String model, String promptVersion) {
	}

}
