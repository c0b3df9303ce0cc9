package org.passerelle.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for something to happen (a request received, a file written, a line logged), never for a
 * length of time. The limit is a safety net for a machine as busy as can be: reaching it fails the test
 * and says what did not happen; it is never how a test passes.
 */
public final class Await {

	/** How long a test waits for an event before it fails. */
	// five, not two: on two cores shared by several builds (load 25 measured) a child JVM's restart took over two
	public static final Duration LIMIT = Duration.ofMinutes(5);

	private Await() {
	}

	/** Returns as soon as the condition holds; fails with what was awaited, and what was seen, at the limit. */
	public static void until(String what, BooleanSupplier condition, Supplier<String> seen) throws InterruptedException {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("gave up after " + LIMIT.toSeconds() + " s waiting for " + what + "; " + seen.get());
			}
			// a short poll: files and logs of another process tell nobody when they change
			Thread.sleep(10);
		}
	}

	public static void until(String what, BooleanSupplier condition) throws InterruptedException {
		until(what, condition, () -> "it did not happen");
	}

}
