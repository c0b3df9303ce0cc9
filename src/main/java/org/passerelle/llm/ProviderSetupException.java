package org.passerelle.llm;

/**
 * The provider cannot serve any article as configured (unreachable, key refused, model missing): the
 * run stops, and the message says which setting to fix.
 */
public class ProviderSetupException extends RuntimeException {

	public ProviderSetupException(String message, Throwable cause) {
		super(message, cause);
	}

}
