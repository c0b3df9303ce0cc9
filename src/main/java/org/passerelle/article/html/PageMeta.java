package org.passerelle.article.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads {@code <meta>} and {@code <link>} values from a page's markup. */
final class PageMeta {

	private PageMeta() {
	}

	/** The content of the first non-blank {@code <meta property=key>} or {@code <meta name=key>}, or null. */
	static String content(Document page, String key) {
		for (Element meta : page.select("meta[content]")) {
			boolean named = meta.attr("property").equalsIgnoreCase(key) || meta.attr("name").equalsIgnoreCase(key);
			if (named && blankToNull(meta.attr("content")) != null) {
				return blankToNull(meta.attr("content"));
			}
		}
		return null;
	}

	/** The href of the first {@code <link rel=...>} of that relation, or null. */
	static String link(Document page, String relation) {
		for (Element link : page.select("link[rel][href]")) {
			for (String rel : link.attr("rel").strip().split("\\s+")) {
				if (rel.equalsIgnoreCase(relation)) {
					return blankToNull(link.attr("href"));
				}
			}
		}
		return null;
	}

	static String blankToNull(String value) {
		String stripped = value == null ? "" : HtmlText.normalise(value);
		return stripped.isEmpty() ? null : stripped;
	}

}
