package org.passerelle.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that read the data in {@code ../shared}: skipped, and reported as skipped, when it is not there,
 * or failed where it must be ({@value #REQUIRED}, which CI sets), so that a missing folder cannot turn
 * a check into no check.
 */
public final class SharedData {

	/** Set to {@code true} where the data must be there (CI): a test that would skip fails instead. */
	public static final String REQUIRED = "PASSERELLE_REQUIRE_SHARED_DATA";

	private SharedData() {
	}

	/** Call from a test, not from {@code @BeforeAll}: a class whose set-up skips is reported as no tests at all. */
	public static void assumeAvailable(boolean available, String missing) {
		if (available) {
			return;
		}
		if (Boolean.parseBoolean(System.getenv(REQUIRED)) || Boolean.getBoolean(REQUIRED)) {
			throw new AssertionError(missing + ", and " + REQUIRED + " is true");
		}
		assumeTrue(false, missing);
	}

}
