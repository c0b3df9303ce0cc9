package org.passerelle.config;

/** A setting has a value Passerelle cannot work with; the message names the setting and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

}
