package org.passerelle.article;

/** A source file that cannot be translated as it is; the message says why, in words a user can act on. */
public class UnusableArticleException extends Exception {

	private final transient SourceFile source;

	private final String sha256;

	public UnusableArticleException(SourceFile source, String reason) {
		this(source, null, reason);
	}

	public UnusableArticleException(SourceFile source, String sha256, String reason) {
		super(reason);
		this.source = source;
		this.sha256 = sha256;
	}

	/** Hex SHA-256 of the file's bytes, or null when they could not be read. */
	public String sha256() {
		return sha256;
	}

	public SourceFile source() {
		return source;
	}

}
