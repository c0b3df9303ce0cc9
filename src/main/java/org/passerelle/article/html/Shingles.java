package org.passerelle.article.html;

import java.util.HashSet;
import java.util.Set;

/** Runs of four words of a text, to tell how much of one text another holds whatever their markup. */
final class Shingles {

	private final Set<Long> shingles;

	private Shingles(Set<Long> shingles) {
		this.shingles = shingles;
	}

	static Shingles of(String text) {
		Set<Long> shingles = new HashSet<>();
		long[] last = new long[4];
		int words = 0;
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
				i++;
			}
			if (i == text.length()) {
				break;
			}
			long hash = 1125899906842597L;
			while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
				hash = 31 * hash + Character.toLowerCase(text.charAt(i));
				i++;
			}
			last[words % 4] = hash;
			words++;
			if (words >= 4) {
				long shingle = 17;
				for (int k = words - 4; k < words; k++) {
					shingle = shingle * 1_000_003L + last[k % 4];
				}
				shingles.add(shingle);
			}
		}
		if (words > 0 && words < 4) {
			long shingle = 17;
			for (int k = 0; k < words; k++) {
				shingle = shingle * 1_000_003L + last[k];
			}
			shingles.add(shingle);
		}
		return new Shingles(shingles);
	}

	/** Adds another text's shingles to these. */
	void addAll(Shingles other) {
		shingles.addAll(other.shingles);
	}

	int size() {
		return shingles.size();
	}

	/** Share of this text's shingles that the other text holds too: 1 when the other holds all of it. */
	double coveredBy(Shingles other) {
		if (shingles.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (Long shingle : shingles) {
			if (other.shingles.contains(shingle)) {
				common++;
			}
		}
		return (double) common / shingles.size();
	}

}
