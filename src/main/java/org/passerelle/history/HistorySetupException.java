package org.passerelle.history;

/** The history's database cannot be used as configured: one sentence naming the setting to fix (exit 2). */
public class HistorySetupException extends RuntimeException {

	public HistorySetupException(String message) {
		super(message);
	}

}
