package org.passerelle.quality.score;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BLEU (Papineni et al. 2002) computed as sacreBLEU 2.x computes it: 13a tokenisation, n-grams up to 4,
 * the brevity penalty from the closest reference length, and for n-gram orders without a match the
 * smoothing sacreBLEU defaults to ({@code exp}, mteval-v13a's), or {@code none}, {@code floor} or
 * {@code add-k}. A corpus score adds up the segments' statistics; it is not an average of segment scores.
 *
 * @param smoothValue for {@code floor} (default 0.1) and {@code add-k} (default 1); null for the default
 * @param effectiveOrder leave out the orders above the longest one the hypotheses have (for short texts)
 */
public record Bleu(boolean lowercase, BleuTokenizer tokenizer, Smoothing smoothing, Double smoothValue,
		int maxNgramOrder, boolean effectiveOrder) {

	/** sacreBLEU's defaults: case-sensitive, 13a, exponential smoothing, up to 4-grams. */
	public static final Bleu DEFAULT = new Bleu(false, BleuTokenizer.TOKENIZE_13A, Smoothing.EXP, null, 4, false);

	/** How an n-gram order without any match is scored. */
	public enum Smoothing {

		NONE("none", null), FLOOR("floor", 0.1), ADD_K("add-k", 1.0), EXP("exp", null);

		private final String id;

		private final Double defaultValue;

		Smoothing(String id, Double defaultValue) {
			this.id = id;
			this.defaultValue = defaultValue;
		}

		public String id() {
			return id;
		}

		public static Smoothing of(String id) {
			for (Smoothing smoothing : values()) {
				if (smoothing.id.equals(id.toLowerCase(Locale.ROOT))) {
					return smoothing;
				}
			}
			throw new IllegalArgumentException("unknown smoothing '" + id + "': expected exp, none, floor or add-k");
		}

	}

	/** A score and what it was computed from. */
	public record Score(double score, double[] correct, double[] total, double[] precisions, double brevityPenalty,
			long hypothesisLength, long referenceLength) {
	}

	/** The score of a corpus: one hypothesis a segment, and one list of references a segment. */
	public Score corpusScore(List<String> hypotheses, List<List<String>> references) {
		double[] total = new double[2 + 2 * maxNgramOrder];
		for (int i = 0; i < hypotheses.size(); i++) {
			double[] statistics = statistics(hypotheses.get(i), references.get(i));
			for (int j = 0; j < total.length; j++) {
				total[j] += statistics[j];
			}
		}
		return score(total);
	}

	public Score sentenceScore(String hypothesis, List<String> references) {
		return score(statistics(hypothesis, references));
	}

	/**
	 * One segment's statistics: hypothesis length, closest reference length, then the matching n-grams
	 * of each order (clipped by the most any reference has), then the hypothesis n-grams of each order.
	 */
	public double[] statistics(String hypothesis, List<String> references) {
		Map<String, Integer> referenceGrams = new HashMap<>();
		int[] referenceLengths = new int[references.size()];
		for (int r = 0; r < references.size(); r++) {
			List<String> words = Whitespace.split(prepare(references.get(r)));
			referenceLengths[r] = words.size();
			grams(words).forEach((gram, count) -> referenceGrams.merge(gram, count, Math::max));
		}
		List<String> words = Whitespace.split(prepare(hypothesis));
		double[] statistics = new double[2 + 2 * maxNgramOrder];
		statistics[0] = words.size();
		statistics[1] = closest(words.size(), referenceLengths);
		grams(words).forEach((gram, count) -> {
			int n = (int) gram.chars().filter(c -> c == ' ').count();
			statistics[2 + maxNgramOrder + n] += count;
			statistics[2 + n] += Math.min(count, referenceGrams.getOrDefault(gram, 0));
		});
		return statistics;
	}

	public Score score(double[] statistics) {
		double[] correct = java.util.Arrays.copyOfRange(statistics, 2, 2 + maxNgramOrder);
		double[] total = java.util.Arrays.copyOfRange(statistics, 2 + maxNgramOrder, 2 + 2 * maxNgramOrder);
		return compute(correct, total, (long) statistics[0], (long) statistics[1], smoothing, smoothValue,
				effectiveOrder, maxNgramOrder);
	}

	/** BLEU from its sufficient statistics, as sacreBLEU's {@code BLEU.compute_bleu}. */
	public static Score compute(double[] correct, double[] total, long hypothesisLength, long referenceLength,
			Smoothing smoothing, Double smoothValue, boolean effectiveOrder, int maxNgramOrder) {
		double value = smoothValue != null ? smoothValue : smoothing.defaultValue == null ? 0 : smoothing.defaultValue;
		double brevity = 1;
		if (hypothesisLength < referenceLength) {
			brevity = hypothesisLength > 0 ? Math.exp(1 - (double) referenceLength / hypothesisLength) : 0;
		}
		double[] precisions = new double[maxNgramOrder];
		if (java.util.Arrays.stream(correct).allMatch(count -> count == 0)) {
			return new Score(0, correct, total, precisions, brevity, hypothesisLength, referenceLength);
		}
		double mteval = 1;
		int order = maxNgramOrder;
		for (int n = 1; n <= maxNgramOrder; n++) {
			if (smoothing == Smoothing.ADD_K && n > 1) {
				correct[n - 1] += value;
				total[n - 1] += value;
			}
			if (total[n - 1] == 0) {
				break;
			}
			if (effectiveOrder) {
				order = n;
			}
			if (correct[n - 1] == 0) {
				if (smoothing == Smoothing.EXP) {
					mteval *= 2;
					precisions[n - 1] = 100 / (mteval * total[n - 1]);
				}
				else if (smoothing == Smoothing.FLOOR) {
					precisions[n - 1] = 100 * value / total[n - 1];
				}
			}
			else {
				precisions[n - 1] = 100 * correct[n - 1] / total[n - 1];
			}
		}
		double logs = 0;
		for (int n = 0; n < order; n++) {
			// sacreBLEU floors log(0) at -9999999999 rather than failing
			logs += precisions[n] == 0 ? -9_999_999_999.0 : Math.log(precisions[n]);
		}
		return new Score(brevity * Math.exp(logs / order), correct, total, precisions, brevity, hypothesisLength,
				referenceLength);
	}

	private String prepare(String text) {
		String cased = lowercase ? text.toLowerCase(Locale.ROOT) : text;
		return tokenizer.tokenize(Whitespace.rstrip(cased));
	}

	private Map<String, Integer> grams(List<String> words) {
		Map<String, Integer> grams = new HashMap<>();
		for (int n = 1; n <= maxNgramOrder; n++) {
			for (int i = 0; i + n <= words.size(); i++) {
				grams.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
			}
		}
		return grams;
	}

	/** The reference length closest to the hypothesis's; of two as close, the shorter. */
	private static int closest(int hypothesisLength, int[] referenceLengths) {
		int closestDiff = -1;
		int closest = -1;
		for (int length : referenceLengths) {
			int diff = Math.abs(hypothesisLength - length);
			if (closestDiff == -1 || diff < closestDiff) {
				closestDiff = diff;
				closest = length;
			}
			else if (diff == closestDiff && length < closest) {
				closest = length;
			}
		}
		return closest;
	}

}
