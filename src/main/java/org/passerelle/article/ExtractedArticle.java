package org.passerelle.article;

import java.util.List;

/**
 * The article found in a structured file (an HTML page, a JSON record), before cleaning.
 *
 * @param title the French title, or empty when none was found
 * @param paragraphs the body's paragraphs, in reading order
 * @param details URL, date, author, source, when the file carries them
 * @param encoding the charset the bytes were decoded with
 * @param noArticleReason why a page holds no article (a list of teasers, a login wall...), or null
 */
public record ExtractedArticle(String title, List<String> paragraphs, SourceDetails details, String encoding,
		String noArticleReason) {

	public ExtractedArticle {
		paragraphs = List.copyOf(paragraphs);
	}

	public ExtractedArticle(String title, List<String> paragraphs, SourceDetails details, String encoding) {
		this(title, paragraphs, details, encoding, null);
	}

}
