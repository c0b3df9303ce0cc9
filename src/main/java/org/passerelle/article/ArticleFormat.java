package org.passerelle.article;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file Passerelle reads articles from, told apart by their extension. */
public enum ArticleFormat {

	/** Plain text or Markdown: the first line is the title, paragraphs are separated by blank lines. */
	TEXT,

	/** A saved web page: the article is extracted from it. */
	HTML,

	/** One article as a JSON object, or an array of them. */
	JSON,

	/** One JSON article per line. */
	JSON_LINES;

	public static Optional<ArticleFormat> of(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".txt") || name.endsWith(".md")) {
			return Optional.of(TEXT);
		}
		if (name.endsWith(".html") || name.endsWith(".htm")) {
			return Optional.of(HTML);
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return Optional.of(JSON_LINES);
		}
		if (name.endsWith(".json")) {
			return Optional.of(JSON);
		}
		return Optional.empty();
	}

	/** True when a file of this kind may hold several articles. */
	public boolean hasRecords() {
		return this == JSON || this == JSON_LINES;
	}

}
