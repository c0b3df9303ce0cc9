package org.passerelle.llm;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import dev.langchain4j.model.output.FinishReason;
import org.passerelle.article.Article;
import org.passerelle.article.LanguageGuess;
import org.passerelle.article.SourceNumbers;

/**
 * Checks an answer before anything is written: a translation that lost paragraphs or was cut off must
 * never come out looking complete. Returns the problem in plain words, or null when the answer is usable.
 */
final class AnswerValidator {

	private AnswerValidator() {
	}

	private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])[\"”’)]?\\s+(?=[\\p{Lu}\\d\"“‘(])");

	static String problemWith(Article article, TranslatedArticle answer, FinishReason finishReason,
			int maxSummarySentences) {
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
		String english = answer.title() + "\n" + String.join("\n", answer.paragraphs());
		if (LanguageGuess.shared().isClearlyFrench(english)) {
			return "the translation is still in French";
		}
		int sentences = sentences(answer.summary());
		if (sentences > maxSummarySentences) {
			return "the summary has " + sentences + " sentences, over the limit of " + maxSummarySentences;
		}
		Set<String> missing = new LinkedHashSet<>(SourceNumbers.in(article.text()));
		missing.removeAll(SourceNumbers.in(english));
		if (!missing.isEmpty()) {
			return "numbers of the article are missing from the translation: "
					+ String.join(", ", missing.stream().limit(5).toList());
		}
		return null;
	}

	/** Checks a summary written from a long article's notes. */
	static String summaryProblem(String summary, FinishReason finishReason, int maxSentences) {
		if (finishReason == FinishReason.LENGTH) {
			return "the answer was cut off by the model's output limit";
		}
		if (isBlank(summary)) {
			return "the answer has no summary";
		}
		if (LanguageGuess.shared().isClearlyFrench(summary)) {
			return "the summary is in French";
		}
		int sentences = sentences(summary);
		if (sentences > maxSentences) {
			return "the summary has " + sentences + " sentences, over the limit of " + maxSentences;
		}
		return null;
	}

	/** Sentences end with . ! or ? followed by a space and a capital, a digit or an opening quote. */
	static int sentences(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : SENTENCE_BREAK.split(trimmed).length;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
