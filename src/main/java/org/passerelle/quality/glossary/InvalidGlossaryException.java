package org.passerelle.quality.glossary;

/** The glossary file cannot be used; the message names the file and the line. */
public class InvalidGlossaryException extends RuntimeException {

	public InvalidGlossaryException(String message) {
		super(message);
	}

	public InvalidGlossaryException(String message, Throwable cause) {
		super(message, cause);
	}

}
