package org.passerelle.cli;

/** Ends a command with a message for the user and an exit code; never shown as a stack trace. */
class CommandFailure extends RuntimeException {

	private final int exitCode;

	CommandFailure(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return exitCode;
	}

}
