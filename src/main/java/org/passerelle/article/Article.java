package org.passerelle.article;

import java.util.List;

/**
 * A cleaned article ready to translate.
 *
 * @param source the file (or record) it came from
 * @param sha256 hex SHA-256 of the file's bytes (of the record's, for a JSON record): what the ledger
 * keys successful work on
 * @param title the French title
 * @param paragraphs the French paragraphs, in order
 * @param encoding how the bytes were decoded: UTF-8, windows-1252 for an older export, or the charset a
 * page declared
 * @param details URL, publication date, author and source, when the file carries them
 */
public record Article(SourceFile source, String sha256, String title, List<String> paragraphs, String encoding,
		SourceDetails details) {

	public Article {
		paragraphs = List.copyOf(paragraphs);
		details = details == null ? SourceDetails.NONE : details;
	}

	public Article(SourceFile source, String sha256, String title, List<String> paragraphs) {
		this(source, sha256, title, paragraphs, "UTF-8", SourceDetails.NONE);
	}

	/** Title and paragraphs as one text. */
	public String text() {
		return title + "\n" + String.join("\n", paragraphs);
	}

}
