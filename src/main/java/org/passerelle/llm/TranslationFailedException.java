package org.passerelle.llm;

import org.passerelle.article.Article;

/** One article could not be translated; the rest of the run goes on. The message says why, in plain words. */
public class TranslationFailedException extends Exception {

	private final String sha256;

	public TranslationFailedException(Article article, String reason, Throwable cause) {
		super(reason, cause);
		this.sha256 = article.sha256();
	}

	/** Hex SHA-256 of the article's file, to key the failure in the ledger. */
	public String sha256() {
		return sha256;
	}

}
