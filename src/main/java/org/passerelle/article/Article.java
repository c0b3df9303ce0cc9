package org.passerelle.article;

import java.util.List;

/**
 * A cleaned article ready to translate.
 *
 * @param source the file it came from
 * @param sha256 hex SHA-256 of the file's bytes: what the ledger keys successful work on
 * @param title the French title
 * @param paragraphs the French paragraphs, in order
 */
public record Article(SourceFile source, String sha256, String title, List<String> paragraphs) {

	public Article {
		paragraphs = List.copyOf(paragraphs);
	}

}
