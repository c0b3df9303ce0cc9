package org.passerelle.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs much shorter or much longer in English than the article's own typical ratio says they
 * should be: a sentence skipped, a paragraph summarised, or something added. Judging each paragraph
 * against the article's median ratio adapts to the model's style and to the direction of translation.
 *
 * <p>The bounds come from the 68 WMT14 news documents translated by professionals (1,435 paragraphs):
 * with them, no document has a paragraph flagged. A paragraph is short under 0.6 of what the median
 * expects, or under 0.8 when it also has fewer sentences than the French (a sentence left out); long
 * over 1.35 times with more sentences than the French (a sentence added), or over 1.7 times by 80
 * characters (said at more length, a one-sentence paragraph is not yet longer by a sentence); and
 * either way by at least 40 characters, since a short paragraph's ratio swings widely. The median itself is held between 0.7 and 1.3, so an article summarised throughout is still
 * found out.
 */
final class LengthRatios {

	static final double SHORT = 0.6;

	static final double SHORT_WITH_FEWER_SENTENCES = 0.8;

	static final double LONG = 1.7;

	/** More sentences than the French and this much longer: a sentence added, as models add a comment. */
	static final double LONG_WITH_MORE_SENTENCES = 1.35;

	/** Over {@link #LONG} with no sentence more than the French, the surplus must be a sentence's worth. */
	static final int MIN_ADDED_CHARS = 80;

	static final int MIN_DIFFERENCE_CHARS = 40;

	static final double LOWEST_TYPICAL = 0.7;

	static final double HIGHEST_TYPICAL = 1.3;

	private LengthRatios() {
	}

	/** The ratio paragraphs are judged against: the median of English over French lengths, within bounds. */
	static double typical(List<String> french, List<String> english) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < french.size(); i++) {
			if (!french.get(i).isBlank()) {
				ratios.add((double) english.get(i).strip().length() / french.get(i).strip().length());
			}
		}
		if (ratios.isEmpty()) {
			return 1;
		}
		ratios.sort(null);
		int middle = ratios.size() / 2;
		double median = ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
		return Math.max(LOWEST_TYPICAL, Math.min(HIGHEST_TYPICAL, median));
	}

	/** What is wrong with one paragraph's length, or null. */
	static String problem(String french, String english, double typical) {
		double expected = typical * french.strip().length();
		int length = english.strip().length();
		double ratio = length / expected;
		if (expected - length >= MIN_DIFFERENCE_CHARS) {
			if (ratio < SHORT) {
				return String.format("%.0f%% of the expected length: something may be left out", 100 * ratio);
			}
			int frenchSentences = Sentences.count(french);
			int englishSentences = Sentences.count(english);
			if (ratio < SHORT_WITH_FEWER_SENTENCES && englishSentences < frenchSentences) {
				return String.format("%.0f%% of the expected length and %d sentences for %d: a sentence may be left out",
						100 * ratio, englishSentences, frenchSentences);
			}
		}
		if (length - expected >= MIN_DIFFERENCE_CHARS) {
			// a short paragraph's ratio swings: said at more length, it is not longer by a sentence
			boolean moreSentences = Sentences.count(english) > Sentences.count(french);
			if (ratio > LONG && (moreSentences || length - expected >= MIN_ADDED_CHARS)) {
				return String.format("%.0f%% of the expected length: something may be added", 100 * ratio);
			}
			if (ratio > LONG_WITH_MORE_SENTENCES && moreSentences) {
				return String.format("%.0f%% of the expected length and %d sentences for %d: a sentence may be added",
						100 * ratio, Sentences.count(english), Sentences.count(french));
			}
		}
		return null;
	}

}
