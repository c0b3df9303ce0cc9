package org.passerelle.quality.glossary;

/**
 * One glossary entry: the French term, the English form a translation must use, and an optional note
 * for the model ("organisation", "do not translate").
 *
 * @param line where it is in its file, for messages
 * @param anyCase true when the entry matches whatever the case of the text; otherwise a capital of the
 * term must be a capital in the text ({@link TermPattern})
 */
public record GlossaryEntry(String french, String english, String note, int line, boolean anyCase,
		TermPattern inFrench, TermPattern inEnglish) {

	/** What the case column says of an entry that matches whatever its case. */
	public static final String ANY_CASE = "any";

	public static GlossaryEntry of(String french, String english, String note, int line) {
		return of(french, english, note, line, false);
	}

	public static GlossaryEntry of(String french, String english, String note, int line, boolean anyCase) {
		return new GlossaryEntry(french.strip(), english.strip(), note == null || note.isBlank() ? null : note.strip(),
				line, anyCase, TermPattern.of(french, TermPattern.Language.FRENCH, anyCase),
				TermPattern.of(english, TermPattern.Language.ENGLISH, anyCase));
	}

	/** True when the French text holds the term (whole words, plurals and elisions included, case respected). */
	public boolean occursIn(String frenchText) {
		return inFrench.occursIn(frenchText);
	}

	/** True when the English text uses the required form. */
	public boolean renderedIn(String englishText) {
		return inEnglish.occursIn(englishText);
	}

	/** "OSDH → SOHR", as messages and flags show it. */
	public String shown() {
		return french + " → " + english;
	}

}
