package org.passerelle.article;

/** A source file that cannot be translated as it is; the message says why, in words a user can act on. */
public class UnusableArticleException extends Exception {

	private final String sha256;

	/**
	 * @param sha256 hex SHA-256 of the file's bytes, or null when they could not be read
	 * @param reason why, in plain words
	 */
	public UnusableArticleException(String sha256, String reason) {
		super(reason);
		this.sha256 = sha256;
	}

	/** Hex SHA-256 of the file's bytes, or null when they could not be read. */
	public String sha256() {
		return sha256;
	}

}
