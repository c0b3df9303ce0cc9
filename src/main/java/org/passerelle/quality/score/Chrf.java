package org.passerelle.quality.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chrF (Popović 2015), and chrF++ with word n-grams, computed as sacreBLEU 2.x computes them: character
 * n-grams up to 6 with whitespace removed, beta 2, the F-score averaged over the orders that both sides
 * have (or, with epsilon smoothing, over every order). Statistics add up over segments for a corpus
 * score, and with several references each segment takes the one it matches best.
 *
 * @param charOrder character n-gram orders, from 1
 * @param wordOrder word n-gram orders (2 is chrF++), 0 for none
 * @param beta how much more recall counts than precision
 * @param lowercase compare case-insensitively
 * @param whitespace keep whitespace in the character n-grams
 * @param epsSmoothing smooth orders without matches as chrF++.py, NLTK and Moses do, instead of leaving
 * them out of the average
 */
public record Chrf(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {

	/** sacreBLEU's defaults: chrF2, character n-grams up to 6, no word n-grams, whitespace ignored. */
	public static final Chrf DEFAULT = new Chrf(6, 0, 2, false, false, false);

	private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private int order() {
		return charOrder + wordOrder;
	}

	/** The score of a corpus: one hypothesis a segment, and one list of references a segment. */
	public double corpusScore(List<String> hypotheses, List<List<String>> references) {
		long[] total = new long[3 * order()];
		for (int i = 0; i < hypotheses.size(); i++) {
			add(total, statistics(hypotheses.get(i), references.get(i)));
		}
		return score(total);
	}

	public double sentenceScore(String hypothesis, List<String> references) {
		return score(statistics(hypothesis, references));
	}

	/** For each order, hypothesis n-grams, reference n-grams and matches: against its best reference. */
	public long[] statistics(String hypothesis, List<String> references) {
		List<Map<String, Integer>> hypothesisGrams = grams(prepare(hypothesis));
		long[] best = new long[3 * order()];
		double bestScore = -1;
		for (String reference : references) {
			List<Map<String, Integer>> referenceGrams = grams(prepare(reference));
			long[] statistics = new long[3 * order()];
			for (int n = 0; n < order(); n++) {
				Map<String, Integer> hyp = hypothesisGrams.get(n);
				Map<String, Integer> ref = referenceGrams.get(n);
				long hypCount = 0;
				long matches = 0;
				for (Map.Entry<String, Integer> gram : hyp.entrySet()) {
					hypCount += gram.getValue();
					matches += Math.min(gram.getValue(), ref.getOrDefault(gram.getKey(), 0));
				}
				// hypothesis n-grams count only where the reference has n-grams of that order
				statistics[3 * n] = ref.isEmpty() ? 0 : hypCount;
				statistics[3 * n + 1] = ref.values().stream().mapToLong(Integer::longValue).sum();
				statistics[3 * n + 2] = matches;
			}
			double score = score(statistics);
			if (score > bestScore) {
				bestScore = score;
				best = statistics;
			}
		}
		return best;
	}

	/** The score, from 0 to 100, of statistics added up over segments. */
	public double score(long[] statistics) {
		double epsilon = 1e-16;
		double factor = beta * beta;
		double sum = 0;
		double precisions = 0;
		double recalls = 0;
		int effectiveOrder = 0;
		for (int n = 0; n < order(); n++) {
			long hyp = statistics[3 * n];
			long ref = statistics[3 * n + 1];
			long matches = statistics[3 * n + 2];
			double precision = hyp > 0 ? (double) matches / hyp : epsilon;
			double recall = ref > 0 ? (double) matches / ref : epsilon;
			double denominator = factor * precision + recall;
			sum += denominator > 0 ? (1 + factor) * precision * recall / denominator : epsilon;
			if (hyp > 0 && ref > 0) {
				precisions += precision;
				recalls += recall;
				effectiveOrder++;
			}
		}
		if (epsSmoothing) {
			return 100 * sum / order();
		}
		if (effectiveOrder == 0) {
			return 0;
		}
		double precision = precisions / effectiveOrder;
		double recall = recalls / effectiveOrder;
		if (precision + recall == 0) {
			return 0;
		}
		return 100 * (1 + factor) * precision * recall / (factor * precision + recall);
	}

	private String prepare(String text) {
		return lowercase ? text.toLowerCase(Locale.ROOT) : text;
	}

	private List<Map<String, Integer>> grams(String text) {
		List<Map<String, Integer>> grams = new ArrayList<>();
		int[] points = (whitespace ? text : Whitespace.removed(text)).codePoints().toArray();
		for (int n = 1; n <= charOrder; n++) {
			Map<String, Integer> counts = new HashMap<>();
			for (int i = 0; i + n <= points.length; i++) {
				counts.merge(new String(points, i, n), 1, Integer::sum);
			}
			grams.add(counts);
		}
		if (wordOrder > 0) {
			List<String> words = wordsWithPunctuationApart(text);
			for (int n = 1; n <= wordOrder; n++) {
				Map<String, Integer> counts = new HashMap<>();
				for (int i = 0; i + n <= words.size(); i++) {
					counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
				}
				grams.add(counts);
			}
		}
		return grams;
	}

	/** chrF++'s words: punctuation at a word's end (else at its start) stands apart, as in chrF++.py. */
	private static List<String> wordsWithPunctuationApart(String text) {
		List<String> words = new ArrayList<>();
		for (String word : Whitespace.split(text)) {
			if (word.codePointCount(0, word.length()) == 1) {
				words.add(word);
			}
			else if (PUNCTUATION.indexOf(word.charAt(word.length() - 1)) >= 0) {
				words.add(word.substring(0, word.length() - 1));
				words.add(word.substring(word.length() - 1));
			}
			else if (PUNCTUATION.indexOf(word.charAt(0)) >= 0) {
				words.add(word.substring(0, 1));
				words.add(word.substring(1));
			}
			else {
				words.add(word);
			}
		}
		return words;
	}

	private static void add(long[] total, long[] statistics) {
		for (int i = 0; i < total.length; i++) {
			total[i] += statistics[i];
		}
	}

}
