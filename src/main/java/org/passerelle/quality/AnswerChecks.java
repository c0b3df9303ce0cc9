package org.passerelle.quality;

import java.util.List;

/**
 * The hard checks on an answer, made before anything is written: only what is certainly broken (parts
 * missing or empty, the text still French, a summary over its limit), since a refused answer costs a
 * retry and, in the end, the article. What may be wrong but may be a translator's choice (a number
 * written another way, a paragraph much shorter) is a {@link QualityFlag}. Each returns the problem in
 * plain words, or null when the answer is usable.
 */
public final class AnswerChecks {

	private AnswerChecks() {
	}

	/** @param source the French paragraphs that were sent */
	public static String problemWith(List<String> source, String title, List<String> paragraphs,
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
		if (FrenchText.isFrench(english)) {
			return "the translation is still in French";
		}
		int sentences = sentences(summary);
		if (sentences > maxSummarySentences) {
			return "the summary has " + sentences + " sentences, over the limit of " + maxSummarySentences;
		}
		return null;
	}

	/** Checks a summary written from a long article's notes. */
	public static String summaryProblem(String summary, int maxSentences) {
		if (isBlank(summary)) {
			return "the answer has no summary";
		}
		if (FrenchText.isFrench(summary)) {
			return "the summary is in French";
		}
		int sentences = sentences(summary);
		if (sentences > maxSentences) {
			return "the summary has " + sentences + " sentences, over the limit of " + maxSentences;
		}
		return null;
	}

	/** Sentences end with . ! ? or … followed by a space and a capital, a digit or an opening quote. */
	public static int sentences(String text) {
		return Sentences.count(text);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
