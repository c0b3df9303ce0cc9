package org.passerelle.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the article-extraction benchmark scores one page: both texts cut into {@code \w+} tokens, then
 * into overlapping 4-token shingles counted with multiplicity; true positives are the shingles both
 * hold (the smaller count), false positives the extra extracted ones, false negatives the missed ones.
 *
 * @param tp shingles found in both
 * @param fp shingles extracted but not in the truth
 * @param fn shingles of the truth not extracted
 * @param exact whether the extracted token sequence is exactly the true one
 */
record ShingleScore(int tp, int fp, int fn, boolean exact) {

	private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final int SHINGLE = 4;

	static ShingleScore of(String truth, String extracted) {
		List<String> trueTokens = tokens(truth);
		List<String> extractedTokens = tokens(extracted);
		Map<String, Integer> expected = shingles(trueTokens);
		Map<String, Integer> found = shingles(extractedTokens);
		Set<String> all = new HashSet<>(expected.keySet());
		all.addAll(found.keySet());
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (String shingle : all) {
			int want = expected.getOrDefault(shingle, 0);
			int got = found.getOrDefault(shingle, 0);
			tp += Math.min(want, got);
			fp += Math.max(0, got - want);
			fn += Math.max(0, want - got);
		}
		return new ShingleScore(tp, fp, fn, trueTokens.equals(extractedTokens));
	}

	/** tp / (tp + fp); 1 when nothing was expected and nothing extracted, 0 when nothing was extracted. */
	double precision() {
		if (tp + fp + fn == 0) {
			return 1;
		}
		return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
	}

	/** tp / (tp + fn), with the same two edge cases as {@link #precision()}. */
	double recall() {
		if (tp + fp + fn == 0) {
			return 1;
		}
		return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
	}

	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text == null ? "" : text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	/** A text shorter than a shingle is one shingle of all its tokens, as the benchmark's own code does. */
	private static Map<String, Integer> shingles(List<String> tokens) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
			String shingle = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
			if (!shingle.isEmpty()) {
				counts.merge(shingle, 1, Integer::sum);
			}
		}
		return counts;
	}

}
