package org.passerelle.quality.glossary;

import java.util.regex.Pattern;

/**
 * One glossary entry: the French term, the English form a translation must use, and an optional note
 * for the model ("organisation", "do not translate").
 *
 * @param line where it is in its file, for messages
 */
public record GlossaryEntry(String french, String english, String note, int line, Pattern inFrench,
		Pattern inEnglish) {

	public static GlossaryEntry of(String french, String english, String note, int line) {
		return new GlossaryEntry(french.strip(), english.strip(), note == null || note.isBlank() ? null : note.strip(),
				line, TermPattern.of(french, TermPattern.Language.FRENCH),
				TermPattern.of(english, TermPattern.Language.ENGLISH));
	}

	/** True when the French text holds the term (whole words, plurals and elisions included). */
	public boolean occursIn(String frenchText) {
		return inFrench.matcher(frenchText).find();
	}

	/** True when the English text uses the required form. */
	public boolean renderedIn(String englishText) {
		return inEnglish.matcher(englishText).find();
	}

	/** "OSDH → SOHR", as messages and flags show it. */
	public String shown() {
		return french + " → " + english;
	}

}
