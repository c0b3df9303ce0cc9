package org.passerelle.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.passerelle.testing.Await;

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
	void aCallWaitingForASlotWhenA429ComesWaitsOutThePauseToo() throws Exception {
		ProviderLimits limits = new ProviderLimits(1, null, null, clock);
		ProviderLimits.Permit refused = limits.acquire(0);
		CompletableFuture<ProviderLimits.Permit> waiting = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				waiting.complete(limits.acquire(0));
			}
			catch (Throwable ex) {
				waiting.completeExceptionally(ex);
			}
		}, "waiting-call");
		caller.start();
		Await.until("the second call to wait for the slot", () -> caller.getState() == Thread.State.WAITING
				&& LockSupport.getBlocker(caller) instanceof AbstractQueuedSynchronizer);

		// the 429 is noted before the refused call gives its slot back, as ModelCalls does
		limits.slowDown(Duration.ofSeconds(3));
		refused.close();

		assertThat(waiting.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
		assertThat(clock.waited()).as("it had passed the pause check before the 429, and waited all the same")
			.isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void noMoreCallsInFlightThanTheConcurrency() throws Exception {
		ProviderLimits limits = new ProviderLimits(2, null, null);
		ProviderLimits.Permit first = limits.acquire(0);
		limits.acquire(0);

		CompletableFuture<ProviderLimits.Permit> third = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				third.complete(limits.acquire(0));
			}
			catch (Throwable ex) {
				third.completeExceptionally(ex);
			}
		}, "third-call");
		caller.start();
		// parked on the slots (the only lock acquire takes without limits per minute), or through already
		Await.until("the third call to wait for a slot or get one", () -> third.isDone()
				|| caller.getState() == Thread.State.WAITING && LockSupport.getBlocker(caller) instanceof AbstractQueuedSynchronizer);
		assertThat(third).as("a third call waits for a slot").isNotDone();

		first.close();
		assertThat(third.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
	}

}
