package org.passerelle.memory;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What counts as the same French text for the memory: differences a reader cannot see or a scraper
 * introduces (spacing, no-break spaces, typographic quotes and apostrophes, the space French puts before
 * {@code ; : ! ?}) are ignored; anything else (a digit, a letter, its case, punctuation) is a new text.
 */
public final class SameText {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2007\\u2009\\u200A\\u200B\\uFEFF]+");

	// a quote has the same meaning with or without the space French typography puts inside guillemets
	private static final Pattern SPACE_BY_QUOTE = Pattern.compile(" ?\" ?");

	private static final Pattern SPACE_BEFORE_MARK = Pattern.compile(" ([;:!?])");

	private SameText() {
	}

	/** The text as the memory keys it. */
	public static String normalised(String french) {
		String text = Normalizer.normalize(french, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(switch (c) {
				case '\u2019', '\u2018', '\u02BC', '\u2032', '\u201B' -> '\'';
				case '\u201C', '\u201D', '\u00AB', '\u00BB', '\u201E', '\u2033', '\u201F' -> '"';
				case '\u2014' -> '\u2013';
				default -> c;
			});
		}
		text = out.toString().replace("\u2026", "...");
		text = SPACES.matcher(text).replaceAll(" ").strip();
		text = SPACE_BY_QUOTE.matcher(text).replaceAll("\"");
		return SPACE_BEFORE_MARK.matcher(text).replaceAll("$1");
	}

	/** Words in the normalised text. */
	static int words(String normalised) {
		return normalised.isEmpty() ? 0 : normalised.split(" ").length;
	}

}
