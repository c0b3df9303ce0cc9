package org.passerelle.quality;

/**
 * Something a reviewer should look at in one translated article. A flag never stops an article: it is
 * written with it, in its {@code meta.json} and the ledger, and listed by {@code review}.
 *
 * @param kind what was found: {@code length}, {@code untranslated}, {@code names}, {@code numbers},
 * {@code glossary} or {@code summary}
 * @param paragraph which paragraph, from 1; 0 for the title; null for the whole article or its summary
 * @param detail what was found, in plain words
 */
public record QualityFlag(String kind, Integer paragraph, String detail) {

	public static final String LENGTH = "length";

	public static final String UNTRANSLATED = "untranslated";

	public static final String NAMES = "names";

	public static final String NUMBERS = "numbers";

	public static final String GLOSSARY = "glossary";

	public static final String SUMMARY = "summary";

	/** One line, as {@code review} prints it. */
	public String shown() {
		String where = paragraph == null ? "" : paragraph == 0 ? "title: " : "paragraph " + paragraph + ": ";
		return kind + ", " + where + detail;
	}

}
