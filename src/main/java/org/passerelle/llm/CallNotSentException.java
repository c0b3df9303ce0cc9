package org.passerelle.llm;

/**
 * A request was not sent, and its article has not failed: it is left for {@code restart} or the next run.
 * The processor defers the article and stops the step at the end of its chunk.
 */
public class CallNotSentException extends RuntimeException {

	protected CallNotSentException(String message) {
		super(message);
	}

}
