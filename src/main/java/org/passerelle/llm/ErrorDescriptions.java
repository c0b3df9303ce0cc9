package org.passerelle.llm;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/** Turns client exceptions into one short readable line, with any secret taken out. */
final class ErrorDescriptions {

	private static final int MAX_LENGTH = 500;

	private ErrorDescriptions() {
	}

	static String describe(Throwable error, String secret) {
		String text = null;
		// the JDK HTTP client nests the network cause a level or two down
		for (Throwable cause = error; cause != null && text == null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				text = "connection refused";
			}
			else if (cause instanceof UnknownHostException) {
				text = "unknown host " + cause.getMessage();
			}
			else if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				text = "no answer before the timeout";
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if (text == null) {
			text = error.getClass().getSimpleName() + ": " + (error.getMessage() == null ? error : error.getMessage());
		}
		return redact(oneLine(text), secret);
	}

	static String redact(String text, String secret) {
		if (secret == null || secret.isBlank() || text == null) {
			return text;
		}
		return text.replace(secret, "***");
	}

	private static String oneLine(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH) + "…";
	}

}
