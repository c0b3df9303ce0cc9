package org.passerelle.article.html;

import java.text.Normalizer;

import org.jsoup.nodes.Element;

/** Text of HTML elements as the article keeps it: one line, plain spaces, Unicode NFC. */
final class HtmlText {

	private HtmlText() {
	}

	static String normalise(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		boolean ascii = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isSpace(c)) {
				space = out.length() > 0;
			}
			// zero-width space, soft hyphen, stray BOM: invisible, and they break word matching
			else if (c != '\u200B' && c != '\u00AD' && c != '\uFEFF') {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
				ascii &= c < 0x80;
			}
		}
		String plain = out.toString();
		return ascii || Normalizer.isNormalized(plain, Normalizer.Form.NFC) ? plain
				: Normalizer.normalize(plain, Normalizer.Form.NFC);
	}

	// no-break, figure, thin and narrow no-break spaces: French typography puts them before : ; ! ? and inside « »
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
				|| c == '\u2007' || c == '\u2009' || c == '\u202F' || (c > 0x7F && Character.isWhitespace(c));
	}

	static String of(Element element) {
		return normalise(element.text());
	}

	/** Share of the element's text that sits inside links: high for menus, related links and teasers. */
	static double linkDensity(Element element) {
		int total = element.text().length();
		if (total == 0) {
			return 0;
		}
		int linked = 0;
		for (Element link : element.getElementsByTag("a")) {
			linked += link.text().length();
		}
		return Math.min(1, (double) linked / total);
	}

}
