package org.passerelle.article;

import java.util.List;

/**
 * A cleaned article ready to translate.
 *
 * @param source the file it came from
 * @param sha256 hex SHA-256 of the file's bytes: what the ledger keys successful work on
 * @param title the French title
 * @param paragraphs the French paragraphs, in order
 * @param encoding how the file's bytes were decoded: UTF-8, or windows-1252 for an older export
 */
public record Article(SourceFile source, String sha256, String title, List<String> paragraphs, String encoding) {

	public Article {
		paragraphs = List.copyOf(paragraphs);
	}

	public Article(SourceFile source, String sha256, String title, List<String> paragraphs) {
		this(source, sha256, title, paragraphs, "UTF-8");
	}

	/** Title and paragraphs as one text. */
	public String text() {
		return title + "\n" + String.join("\n", paragraphs);
	}

}
