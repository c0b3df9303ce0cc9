package org.passerelle.article;

import java.util.List;

/**
 * The article found in a structured file (an HTML page, a JSON record), before cleaning.
 *
 * @param title the French title, or empty when none was found
 * @param paragraphs the body's paragraphs, in reading order
 * @param details URL, date, author, source, when the file carries them
 * @param encoding the charset the bytes were decoded with
 */
public record ExtractedArticle(String title, List<String> paragraphs, SourceDetails details, String encoding) {

	public ExtractedArticle {
		paragraphs = List.copyOf(paragraphs);
	}

}
