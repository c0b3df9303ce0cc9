package org.passerelle.quality.glossary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a term in a text as a whole word or words. Acronyms (OSDH) match letter for letter; other words
 * match whatever their case, keep their accents (été is not ete), except that a capital may lose its
 * accent as French typesetting often does (Etat for État), and may take a plural (gilets jaunes,
 * journaux; in English, policies). Elided forms match: l'OSDH, d'Alep. Spaces may be any run of spaces.
 */
final class TermPattern {

	/** Which plurals a word may take. */
	enum Language {
		FRENCH, ENGLISH
	}

	private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.");

	private TermPattern() {
	}

	static Pattern of(String term, Language language) {
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		Matcher pieces = PIECE.matcher(Normalizer.normalize(term.strip(), Normalizer.Form.NFC));
		while (pieces.find()) {
			String piece = pieces.group();
			if (piece.isBlank()) {
				regex.append("[\\s\\u00A0\\u202F]+");
			}
			else if (piece.equals("'") || piece.equals("’")) {
				regex.append("['’]");
			}
			else if (piece.equals("-") || piece.equals("‐") || piece.equals("–")) {
				regex.append("[-‐–]");
			}
			else if (Character.isLetterOrDigit(piece.codePointAt(0))) {
				regex.append(word(piece, language));
			}
			else {
				regex.append(Pattern.quote(piece));
			}
		}
		return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
	}

	private static String word(String word, Language language) {
		if (isAcronym(word)) {
			return Pattern.quote(word) + (language == Language.ENGLISH ? "s?" : "");
		}
		List<String> stems = new ArrayList<>();
		String ending;
		String lower = word.toLowerCase(Locale.ROOT);
		if (language == Language.FRENCH && lower.endsWith("al") && lower.length() > 3) {
			stems.add(letters(word.substring(0, word.length() - 2)));
			ending = "(?:al|als|aux|AL|ALS|AUX)";
		}
		else if (language == Language.ENGLISH && lower.endsWith("y") && lower.length() > 2) {
			stems.add(letters(word.substring(0, word.length() - 1)));
			ending = "(?:y|ies|Y|IES)";
		}
		else {
			stems.add(letters(word));
			ending = Character.isDigit(word.charAt(word.length() - 1)) ? ""
					: language == Language.FRENCH ? "(?:s|x|S|X)?" : "(?:s|es|S|ES)?";
		}
		return stems.get(0) + ending;
	}

	/** Each letter in both cases; an accented one also as its capital without the accent. */
	private static String letters(String word) {
		StringBuilder regex = new StringBuilder();
		word.codePoints().forEach(point -> {
			String letter = new String(Character.toChars(point));
			if (!Character.isLetter(point)) {
				regex.append(Pattern.quote(letter));
				return;
			}
			String lower = letter.toLowerCase(Locale.ROOT);
			String upper = letter.toUpperCase(Locale.ROOT);
			String bare = Normalizer.normalize(upper, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			regex.append('[').append(Pattern.quote(lower)).append(Pattern.quote(upper));
			if (!bare.equals(upper)) {
				regex.append(Pattern.quote(bare));
			}
			regex.append(']');
		});
		return regex.toString();
	}

	static boolean isAcronym(String word) {
		return word.codePointCount(0, word.length()) >= 2 && word.codePoints().filter(Character::isLetter).count() >= 2
				&& word.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

}
