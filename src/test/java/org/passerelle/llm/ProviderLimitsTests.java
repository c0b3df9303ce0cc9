package org.passerelle.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-side limits, on a clock that only moves when a caller waits: how long each call is held
 * back is then exact, and the tests take no time.
 */
class ProviderLimitsTests {

	private final ManualClock clock = new ManualClock();

	@Test
	void requestsPerMinuteAllowAMinutesWorthThenOnePerInterval() throws Exception {
		ProviderLimits limits = new ProviderLimits(100, 60, null, clock);

		for (int i = 0; i < 60; i++) {
			limits.acquire(0).close();
		}
		assertThat(clock.waited()).as("the first minute's allowance goes at once").isZero();

		limits.acquire(0).close();
		limits.acquire(0).close();
		assertThat(clock.waited()).as("then one request per second").isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void tokensPerMinuteHoldBackACallUntilItsEstimateFits() throws Exception {
		ProviderLimits limits = new ProviderLimits(100, null, 60_000, clock);

		limits.acquire(50_000).close();
		limits.acquire(40_000).close();

		// 10,000 left, 30,000 more needed at 1,000 per second
		assertThat(clock.waited()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theChargeIsCorrectedToWhatTheProviderReported() throws Exception {
		ProviderLimits limits = new ProviderLimits(100, null, 60_000, clock);

		try (ProviderLimits.Permit permit = limits.acquire(50_000)) {
			permit.settle(5_000); // the estimate was far too high: 45,000 come back
		}
		limits.acquire(50_000).close();
		assertThat(clock.waited()).isZero();

		try (ProviderLimits.Permit permit = limits.acquire(1_000)) {
			permit.settle(11_000); // and an underestimate is charged in full
		}
		limits.acquire(1_000).close();
		assertThat(clock.waited()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void aRateLimitAnswerHoldsBackEveryCallNotJustTheRefusedOne() throws Exception {
		ProviderLimits limits = new ProviderLimits(100, null, null, clock);

		limits.slowDown(Duration.ofSeconds(5));
		limits.acquire(0).close();
		limits.acquire(0).close();

		assertThat(clock.waited()).as("the pause is served once, by whoever comes first").isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void noMoreCallsInFlightThanTheConcurrency() throws Exception {
		ProviderLimits limits = new ProviderLimits(2, null, null);
		ProviderLimits.Permit first = limits.acquire(0);
		limits.acquire(0);

		CompletableFuture<ProviderLimits.Permit> third = CompletableFuture.supplyAsync(() -> {
			try {
				return limits.acquire(0);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		assertThat(third).as("a third call waits for a slot").isNotDone();

		first.close();
		assertThat(third.get(5, TimeUnit.SECONDS)).isNotNull();
	}

	/** Starts at an arbitrary (negative) nano time; parking moves it forward by exactly the time asked. */
	private static final class ManualClock implements ProviderLimits.Clock {

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

		Duration waited() {
			return Duration.ofNanos(parked.get());
		}

	}

}
