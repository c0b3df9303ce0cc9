package org.passerelle.article.html;

import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * One run of text a reader sees as a unit: a paragraph, a heading, a list item, or the text a
 * {@code <div>} holds directly between its {@code <br>}s and child blocks.
 *
 * @param owner the element the text sits in (the paragraph itself, or the {@code <div>} of a run)
 * @param text the normalised text
 * @param linkChars how many of its characters sit inside links
 * @param tag the owner's tag name, or "#run" for text directly inside a container
 */
record TextBlock(Element owner, String text, int linkChars, String tag) {

	// a sentence ends with a full stop, a question or exclamation mark, or a closing quote after one
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"»”’)]?$|[.!?][\"»”’]?\\s");

	/** Prose is at least one sentence of unlinked text: what an article is made of, and teasers and menus are not. */
	private static final int PROSE_CHARS = 80;

	private static final int SHORT_PROSE_CHARS = 30;

	int length() {
		return text.length();
	}

	int plainChars() {
		return Math.max(0, text.length() - linkChars);
	}

	double linkDensity() {
		return text.isEmpty() ? 0 : (double) linkChars / text.length();
	}

	boolean isHeading() {
		return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
	}

	/** Sentence text: long enough, few links, and it ends as a sentence ends (or is long enough not to care). */
	boolean isProse() {
		if (isHeading() || linkDensity() > 0.35) {
			return false;
		}
		int plain = plainChars();
		if (plain >= PROSE_CHARS && words() >= 10) {
			return true;
		}
		return plain >= SHORT_PROSE_CHARS && words() >= 5 && SENTENCE_END.matcher(text).find();
	}

	/** A sentence or more of unlinked text around links: a digest's linked items, not a menu's. */
	boolean hasProseBesideLinks() {
		return !isHeading() && linkDensity() <= 0.7 && plainChars() >= PROSE_CHARS && words() >= 15;
	}

	int words() {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isIdeographic(c) || (c >= '\u3040' && c <= '\u30FF')) {
				// Chinese and Japanese write without spaces: each character weighs about a word
				words++;
				inWord = false;
				continue;
			}
			boolean letter = Character.isLetterOrDigit(c);
			if (letter && !inWord) {
				words++;
			}
			inWord = letter;
		}
		return words;
	}

}
