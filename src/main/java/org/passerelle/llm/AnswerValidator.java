package org.passerelle.llm;

import dev.langchain4j.model.output.FinishReason;
import org.passerelle.article.Article;
import org.passerelle.quality.AnswerChecks;

/**
 * Hands a model's answer to the checks of {@link AnswerChecks}, after what only the provider's reply
 * tells: an answer cut off or filtered. Returns the problem in plain words, or null when it is usable.
 */
final class AnswerValidator {

	private AnswerValidator() {
	}

	static String problemWith(Article article, TranslatedArticle answer, FinishReason finishReason,
			int maxSummarySentences) {
		String finish = finishProblem(finishReason);
		if (finish != null) {
			return finish;
		}
		if (answer == null) {
			return "the model returned no structured answer";
		}
		return AnswerChecks.problemWith(article.paragraphs(), answer.title(), answer.paragraphs(),
				answer.summary(), maxSummarySentences);
	}

	/** Checks a summary written from a long article's notes. */
	static String summaryProblem(String summary, FinishReason finishReason, int maxSentences) {
		if (finishReason == FinishReason.LENGTH) {
			return "the answer was cut off by the model's output limit";
		}
		return AnswerChecks.summaryProblem(summary, maxSentences);
	}

	static String finishProblem(FinishReason finishReason) {
		if (finishReason == FinishReason.LENGTH) {
			return "the answer was cut off by the model's output limit";
		}
		if (finishReason == FinishReason.CONTENT_FILTER) {
			return "the provider's content filter refused the article";
		}
		return null;
	}

}
