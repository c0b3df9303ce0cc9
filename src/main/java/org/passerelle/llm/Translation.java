package org.passerelle.llm;

import java.time.Duration;

import org.passerelle.article.Article;

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
 */
public record Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens,
		long outputTokens, Duration llmTime, boolean fromBatch) {

	public Translation(Article article, TranslatedArticle english, Engine engine, long inputTokens, long outputTokens,
			Duration llmTime) {
		this(article, english, engine, inputTokens, outputTokens, llmTime, false);
	}

	/** What produced a translation; an article is translated again when any part of it changes. */
	public record Engine(String provider, String model, String promptVersion) {
	}

}
