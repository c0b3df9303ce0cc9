package org.passerelle.memory;

/** The translation memory's database could not be read or written. */
public class MemoryException extends RuntimeException {

	public MemoryException(String message, Throwable cause) {
		super(message + ": " + cause.getMessage(), cause);
	}

}
