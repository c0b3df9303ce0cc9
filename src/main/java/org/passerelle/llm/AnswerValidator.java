package org.passerelle.llm;

import dev.langchain4j.model.output.FinishReason;
import org.passerelle.article.Article;

/**
 * Checks an answer before anything is written: a translation that lost paragraphs or was cut off must
 * never come out looking complete. Returns the problem in plain words, or null when the answer is usable.
 */
final class AnswerValidator {

	private AnswerValidator() {
	}

	static String problemWith(Article article, TranslatedArticle answer, FinishReason finishReason) {
		if (finishReason == FinishReason.LENGTH) {
			return "the answer was cut off by the model's output limit";
		}
		if (finishReason == FinishReason.CONTENT_FILTER) {
			return "the provider's content filter refused the article";
		}
		if (answer == null) {
			return "the model returned no structured answer";
		}
		if (isBlank(answer.title())) {
			return "the answer has no English title";
		}
		if (isBlank(answer.summary())) {
			return "the answer has no summary";
		}
		int expected = article.paragraphs().size();
		int actual = answer.paragraphs() == null ? 0 : answer.paragraphs().size();
		if (actual != expected) {
			return "the answer has " + actual + " paragraphs for the article's " + expected;
		}
		for (int i = 0; i < actual; i++) {
			if (isBlank(answer.paragraphs().get(i))) {
				return "paragraph " + (i + 1) + " of the answer is empty";
			}
		}
		return null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
