package org.passerelle.quality.glossary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a term in a text as a whole word or words, respecting case as term bases do. A capital of the
 * term must be a capital in the text ("Le Monde" is not in "tout le monde"); in French a small letter
 * must be small, except the first letter of a sentence, and in English (checked for presence only) it
 * may be either ("Yellow Vests" has "yellow vest"). A French occurrence whose capitals its place
 * explains says nothing and is passed over: a term whose only capital is its first letter, at the start
 * of a sentence ("Total, 300 personnes..."), and a term not in capitals, in a word written in capitals
 * (a headline in capitals). An entry marked "any case" matches whatever the case. Acronyms (OSDH) match
 * letter for letter. Accents are kept (été is not ete), except that a capital may lose its accent as
 * French typesetting often does (Etat for État); words may take a plural (gilets jaunes, journaux; in
 * English, policies); elided forms match (l'OSDH, d'Alep); spaces may be any run of spaces.
 */
public final class TermPattern {

	/** Which plurals a word may take, and how strictly small letters are held. */
	enum Language {
		FRENCH, ENGLISH
	}

	private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.");

	/** What ends a sentence, opens a quotation or a line of dialogue before a word. */
	private static final String OPENERS = ".!?…:«\"“([—–\n\r";

	private final Pattern pattern;

	private final String letters;

	private final Language language;

	private final boolean anyCase;

	private TermPattern(Pattern pattern, String letters, Language language, boolean anyCase) {
		this.pattern = pattern;
		this.letters = letters;
		this.language = language;
		this.anyCase = anyCase;
	}

	static TermPattern of(String term, Language language, boolean anyCase) {
		String normal = Normalizer.normalize(term.strip(), Normalizer.Form.NFC);
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		Matcher pieces = PIECE.matcher(normal);
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
				regex.append(word(piece, language, anyCase));
			}
			else {
				regex.append(Pattern.quote(piece));
			}
		}
		Pattern pattern = Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
		return new TermPattern(pattern, lettersOf(normal), language, anyCase);
	}

	/** True when the text holds the term with the case its entry asks for. */
	boolean occursIn(String text) {
		String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
		Matcher matcher = pattern.matcher(normal);
		while (matcher.find()) {
			if (anyCase || caseAgrees(normal, matcher.start(), lettersOf(matcher.group()))) {
				return true;
			}
		}
		return false;
	}

	/** Whether the letters found carry the term's capitals, and whether their place does not explain them. */
	private boolean caseAgrees(String text, int start, String found) {
		if (letters.isEmpty()) {
			return true; // "49.3": figures have no case
		}
		int count = Math.min(letters.length(), found.length());
		boolean opens = language == Language.FRENCH && opensSentence(text, start);
		if (language == Language.FRENCH && isAcronym(found) && !isAcronym(letters) && found.length() >= 2) {
			return false; // a headline in capitals: capitals everywhere say nothing of this term
		}
		boolean capitalBeyondFirst = false;
		for (int i = 0; i < count; i++) {
			boolean termCapital = Character.isUpperCase(letters.charAt(i));
			boolean foundCapital = Character.isUpperCase(found.charAt(i));
			if (termCapital && !foundCapital) {
				return false;
			}
			if (!termCapital && foundCapital && language == Language.FRENCH && !(i == 0 && opens)) {
				return false;
			}
			capitalBeyondFirst |= termCapital && i > 0;
		}
		// "Total, 300 personnes": a capital the start of a sentence gives anyway is no sign of the name
		boolean onlyFirstCapital = Character.isUpperCase(letters.charAt(0)) && !capitalBeyondFirst
				&& letters.chars().anyMatch(Character::isLowerCase); // "G7" has no small letter to tell

		return !(opens && onlyFirstCapital);
	}

	private static boolean opensSentence(String text, int start) {
		int before = start - 1;
		while (before >= 0 && text.charAt(before) != '\n' && text.charAt(before) != '\r'
				&& (Character.isWhitespace(text.charAt(before)) || Character.isSpaceChar(text.charAt(before)))) {
			before--;
		}
		if (before < 0 || OPENERS.indexOf(text.charAt(before)) >= 0) {
			return true;
		}
		// "- Orange ?" a line of dialogue
		return text.charAt(before) == '-' && (before == 0 || Character.isWhitespace(text.charAt(before - 1)));
	}

	/** The letters of a term or of what matched it, one char each (the text is NFC, the letters French). */
	private static String lettersOf(String text) {
		StringBuilder letters = new StringBuilder();
		text.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
		return letters.toString();
	}

	private static String word(String word, Language language, boolean anyCase) {
		if (isAcronym(word) && !anyCase) {
			return Pattern.quote(word) + (language == Language.ENGLISH ? "s?" : "");
		}
		String stem;
		String ending;
		String lower = word.toLowerCase(Locale.ROOT);
		if (language == Language.FRENCH && lower.endsWith("al") && lower.length() > 3) {
			stem = letters(word.substring(0, word.length() - 2));
			ending = "(?:al|als|aux|AL|ALS|AUX)";
		}
		else if (language == Language.ENGLISH && lower.endsWith("y") && lower.length() > 2) {
			stem = letters(word.substring(0, word.length() - 1));
			ending = "(?:y|ies|Y|IES)";
		}
		else {
			stem = letters(word);
			ending = Character.isDigit(word.charAt(word.length() - 1)) ? ""
					: language == Language.FRENCH ? "(?:s|x|S|X)?" : "(?:s|es|S|ES)?";
		}
		return stem + ending;
	}

	/** Each letter in both cases (which case is wanted is judged after), a capital also without its accent. */
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
