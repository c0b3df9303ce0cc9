package org.passerelle.quality.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting and trimming on whitespace as Python's {@code str.split()} and {@code str.rstrip()} do, which
 * sacreBLEU relies on: every Unicode space, no-break spaces included (Java's own {@code \s} stops at ASCII).
 */
final class Whitespace {

	private Whitespace() {
	}

	static boolean isSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
	}

	/** The words between runs of whitespace; none for a blank text. */
	static List<String> split(String text) {
		List<String> words = new ArrayList<>();
		int start = -1;
		int i = 0;
		while (i < text.length()) {
			int point = text.codePointAt(i);
			if (isSpace(point)) {
				if (start >= 0) {
					words.add(text.substring(start, i));
					start = -1;
				}
			}
			else if (start < 0) {
				start = i;
			}
			i += Character.charCount(point);
		}
		if (start >= 0) {
			words.add(text.substring(start));
		}
		return words;
	}

	static String rstrip(String text) {
		int end = text.length();
		while (end > 0) {
			int point = text.codePointBefore(end);
			if (!isSpace(point)) {
				break;
			}
			end -= Character.charCount(point);
		}
		return text.substring(0, end);
	}

	/** The text without any whitespace, as {@code ''.join(text.split())}. */
	static String removed(String text) {
		return String.join("", split(text));
	}

}
