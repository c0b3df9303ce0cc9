package org.passerelle.llm;

import java.time.Duration;
import java.util.Optional;

import org.passerelle.article.Article;

/**
 * One article could not be translated; the message says why, in plain words. Its {@link Kind} tells
 * the step whether trying again can help, and whether the provider itself looks down.
 */
public class TranslationFailedException extends Exception {

	/** What went wrong, as far as retrying is concerned. */
	public enum Kind {

		/** The provider did not answer properly (429, 5xx, timeout, connection refused or reset): retry, later. */
		PROVIDER_UNAVAILABLE,

		/** The provider answered, but the answer is unusable (malformed, cut off, refused, incomplete): retry. */
		BAD_ANSWER,

		/** The request is longer than the model's context window: the same text, cut smaller, may go through. */
		TOO_LONG,

		/**
		 * The answer was cut off by the model's output limit or a full context window: the text, cut
		 * smaller, should go through; a text that cannot be cut is retried like a bad answer.
		 */
		CUT_OFF,

		/**
		 * The request itself is refused (invalid, not allowed), which retrying cannot help, or the model
		 * refused to translate the article (a content filter), which is retried like a bad answer.
		 */
		REJECTED

	}

	private final String sha256;

	private final Kind kind;

	private final transient Optional<Duration> retryAfter;

	public TranslationFailedException(Article article, Kind kind, String reason, Throwable cause,
			Optional<Duration> retryAfter) {
		super(reason, cause);
		this.sha256 = article.sha256();
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public TranslationFailedException(Article article, Kind kind, String reason) {
		this(article, kind, reason, null, Optional.empty());
	}

	/** Hex SHA-256 of the article's file, to key the failure in the ledger. */
	public String sha256() {
		return sha256;
	}

	public Kind kind() {
		return kind;
	}

	public boolean isRetriable() {
		return switch (kind) {
			case TOO_LONG -> false;
			// a model's refusal is an answer, and the next one may differ; an invalid request never will
			case REJECTED -> getCause() instanceof dev.langchain4j.exception.ContentFilteredException;
			default -> true;
		};
	}

	/** How long the provider asked us to wait before the next request, if it said. */
	public Optional<Duration> retryAfter() {
		return retryAfter;
	}

}
