package org.passerelle.article;

import java.util.Locale;
import java.util.Set;

/**
 * The cheap half of the language check: French news prose is full of little words that none of the
 * other languages {@link LanguageGuess} tells apart uses ("est", "une", "dans", "avec", "été"...), and
 * English text has its own ("the", "of", "and"). A text where the first are frequent and the second
 * rare is French without asking Lingua, which costs a few milliseconds of CPU per article; any doubt
 * (a short text, a mix, another Romance language) is left to Lingua. Its twin in the quality checks,
 * {@code quality.FrenchText}, tells French from English only, so its French words include those that
 * Spanish or Italian share: it cannot serve here.
 */
final class FrenchFunctionWords {

	/** Judged on at least this many words. */
	static final int MIN_WORDS = 40;

	/** French prose has about 12 in 100 of these words; other languages almost none. */
	static final double MIN_FRENCH_SHARE = 0.06;

	/** More English little words than this share of the French ones is doubt. */
	static final double MAX_ENGLISH_TO_FRENCH = 0.2;

	// Words shared with Spanish, Italian, Portuguese, German or Dutch (le, la, les, il, de, des, que,
	// se, ne, mais, entre, ses...) are left out, so that those languages never reach the share.
	private static final Set<String> FRENCH_ONLY = Set.of("et", "est", "une", "du", "au", "aux", "dans", "pour", "avec",
			"sur", "pas", "sont", "ont", "été", "était", "être", "cette", "ces", "cet", "ils", "elle", "elles", "nous",
			"vous", "leur", "leurs", "très", "où", "selon", "après", "depuis", "lors", "alors", "aussi", "déjà", "dont",
			"sa", "ainsi", "même", "chez", "sous", "avait", "peut", "fait", "plus", "comme");

	private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "is", "was", "were", "are", "that",
			"with", "for", "from", "by", "this", "it", "its", "has", "have", "had", "they", "he", "she", "which", "been",
			"would", "will", "not", "at", "on", "said");

	private FrenchFunctionWords() {
	}

	/** True when the text is plainly French by its little words; false means "ask Lingua", not "not French". */
	static boolean plainlyFrench(String text) {
		int words = 0;
		int french = 0;
		int english = 0;
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				String word = text.substring(start, i).toLowerCase(Locale.ROOT);
				words++;
				if (FRENCH_ONLY.contains(word)) {
					french++;
				}
				else if (ENGLISH.contains(word)) {
					english++;
				}
				start = -1;
			}
		}
		return words >= MIN_WORDS && french >= MIN_FRENCH_SHARE * words && english <= MAX_ENGLISH_TO_FRENCH * french;
	}

}
