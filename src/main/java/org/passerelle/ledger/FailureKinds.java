package org.passerelle.ledger;

import java.util.Map;

/** The kinds of failure the ledger records, in the plain words {@code failures} and the report show. */
public final class FailureKinds {

	private static final Map<String, String> WORDS = Map.of("BAD_INPUT", "the file cannot be translated",
			"PROVIDER_UNAVAILABLE", "the provider did not answer", "BAD_ANSWER", "the model's answer was unusable",
			"REJECTED", "the provider refused the request", "TOO_LONG", "too long for the model, even in parts",
			"CUT_OFF", "the model's answer was cut off", "NAME_CLASH", "another file writes the same outputs",
			"UNEXPECTED", "unexpected error");

	private FailureKinds() {
	}

	public static String describe(String kind) {
		return kind == null ? "failed" : WORDS.getOrDefault(kind, "failed");
	}

}
