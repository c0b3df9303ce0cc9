package org.passerelle.article.html;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/** Text of HTML elements as the article keeps it: one line, plain spaces, Unicode NFC. */
final class HtmlText {

	// no-break, figure, thin and narrow no-break spaces: French typography puts them before : ; ! ? and inside « »
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F]+");

	// zero-width space, soft hyphen, stray BOM: invisible, and they break word matching
	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u00AD\\uFEFF]");

	private HtmlText() {
	}

	static String normalise(String text) {
		String visible = INVISIBLE.matcher(text).replaceAll("");
		return Normalizer.normalize(SPACES.matcher(visible).replaceAll(" ").strip(), Normalizer.Form.NFC);
	}

	static String of(Element element) {
		return normalise(element.text());
	}

	/** Share of the element's text that sits inside links: high for menus, related links and teasers. */
	static double linkDensity(Element element) {
		int total = of(element).length();
		if (total == 0) {
			return 0;
		}
		int linked = 0;
		for (Element link : element.select("a")) {
			linked += of(link).length();
		}
		return (double) linked / total;
	}

}
