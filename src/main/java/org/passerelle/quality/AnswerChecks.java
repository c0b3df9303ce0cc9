package org.passerelle.quality;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.passerelle.article.LanguageGuess;

/**
 * The hard checks on an answer, made before anything is written: a translation that lost paragraphs
 * must never come out looking complete. Each returns the problem in plain words, or null when the
 * answer is usable.
 */
public final class AnswerChecks {

	private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])[\"”’)]?\\s+(?=[\\p{Lu}\\d\"“‘(])");

	private AnswerChecks() {
	}

	/**
	 * @param source the French paragraphs that were sent
	 * @param sourceText the French title and paragraphs as one text
	 */
	public static String problemWith(List<String> source, String sourceText, String title, List<String> paragraphs,
			String summary, int maxSummarySentences) {
		if (isBlank(title)) {
			return "the answer has no English title";
		}
		if (isBlank(summary)) {
			return "the answer has no summary";
		}
		int expected = source.size();
		int actual = paragraphs == null ? 0 : paragraphs.size();
		if (actual != expected) {
			return "the answer has " + actual + " paragraphs for the article's " + expected;
		}
		for (int i = 0; i < actual; i++) {
			if (isBlank(paragraphs.get(i))) {
				return "paragraph " + (i + 1) + " of the answer is empty";
			}
		}
		String english = title + "\n" + String.join("\n", paragraphs);
		if (LanguageGuess.shared().isClearlyFrench(english)) {
			return "the translation is still in French";
		}
		int sentences = sentences(summary);
		if (sentences > maxSummarySentences) {
			return "the summary has " + sentences + " sentences, over the limit of " + maxSummarySentences;
		}
		Set<String> missing = new LinkedHashSet<>(SourceNumbers.in(sourceText));
		missing.removeAll(SourceNumbers.in(english));
		if (!missing.isEmpty()) {
			return "numbers of the article are missing from the translation: "
					+ String.join(", ", missing.stream().limit(5).toList());
		}
		return null;
	}

	/** Checks a summary written from a long article's notes. */
	public static String summaryProblem(String summary, int maxSentences) {
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
	public static int sentences(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : SENTENCE_BREAK.split(trimmed).length;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
