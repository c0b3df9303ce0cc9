package org.passerelle.llm;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/** Turns client exceptions into one short readable line, with any secret taken out. */
final class ErrorDescriptions {

	private static final int MAX_LENGTH = 500;

	private ErrorDescriptions() {
	}

	static String describe(Throwable error, String secret) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text;
		if (root instanceof ConnectException) {
			text = "connection refused";
		}
		else if (root instanceof UnknownHostException) {
			text = "unknown host " + root.getMessage();
		}
		else if (root instanceof HttpTimeoutException || root instanceof java.net.SocketTimeoutException) {
			text = "no answer before the timeout";
		}
		else {
			String message = error.getMessage() == null ? root.toString() : error.getMessage();
			text = error.getClass().getSimpleName() + ": " + message;
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
