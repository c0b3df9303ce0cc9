package org.passerelle.llm;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for {@link ProviderLimits} that only moves when a caller waits, by exactly the time asked:
 * how long each call was held back is then exact, and costs no time. Starts at an arbitrary (negative)
 * nano time, as {@link System#nanoTime()} may.
 */
final class ManualClock implements ProviderLimits.Clock {

	private final AtomicLong now = new AtomicLong(-5_000_000_000L);

	private final AtomicLong parked = new AtomicLong();

	@Override
	public long currentTimeNanos() {
		return now.get();
	}

	@Override
	public boolean isWallClockBased() {
		return false;
	}

	@Override
	public void park(long nanos) {
		now.addAndGet(nanos);
		parked.addAndGet(nanos);
	}

	/** All the time callers were held back so far. */
	Duration waited() {
		return Duration.ofNanos(parked.get());
	}

}
