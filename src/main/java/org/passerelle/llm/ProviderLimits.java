package org.passerelle.llm;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * What the whole client may send, shared by every call of a run: at most {@code concurrency} calls in
 * flight, and optionally requests and tokens per minute (Bucket4j token buckets refilled continuously,
 * a full minute's allowance available at start, like providers' own limiters). When the provider
 * answers 429 anyway, {@link #slowDown} holds back every new call, not just the one that was refused.
 */
public class ProviderLimits {

	private final Semaphore inFlight;

	private final Bucket requests;

	private final Bucket tokens;

	private final long tokensPerMinute;

	private final Clock clock;

	private final AtomicLong pausedUntilNanos;

	private SpendingCap cap = SpendingCap.none();

	private volatile SharedSlots shared;

	/**
	 * Call slots shared with other processes (the workers of one distributed run): a call holds one of
	 * them, besides this process's own slot, for as long as it is in flight.
	 */
	public interface SharedSlots {

		/** Waits for a slot free in the whole run; closing the slot gives it back. */
		AutoCloseable take() throws InterruptedException;

	}

	/** From now on every call also takes one of these slots; null: this process's own limit only. */
	public void share(SharedSlots slots) {
		this.shared = slots;
	}

	/** Time as the limits see it; tests replace it with one that moves only when someone waits. */
	public interface Clock extends TimeMeter, BlockingStrategy {

		Clock SYSTEM = new Clock() {

			@Override
			public long currentTimeNanos() {
				return System.nanoTime();
			}

			@Override
			public boolean isWallClockBased() {
				return false;
			}

			@Override
			public void park(long nanos) throws InterruptedException {
				BlockingStrategy.PARKING.park(nanos);
			}

		};

	}

	public ProviderLimits(int concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {
		this(concurrency, requestsPerMinute, tokensPerMinute, Clock.SYSTEM);
	}

	ProviderLimits(int concurrency, Integer requestsPerMinute, Integer tokensPerMinute, Clock clock) {
		this.inFlight = new Semaphore(concurrency, true);
		this.clock = clock;
		this.pausedUntilNanos = new AtomicLong(clock.currentTimeNanos());
		this.requests = requestsPerMinute == null ? null : perMinute(requestsPerMinute, clock);
		this.tokens = tokensPerMinute == null ? null : perMinute(tokensPerMinute, clock);
		this.tokensPerMinute = tokensPerMinute == null ? 0 : tokensPerMinute;
	}

	/** The run's spending cap, checked before every call. */
	public ProviderLimits withCap(SpendingCap spendingCap) {
		this.cap = spendingCap;
		return this;
	}

	private static Bucket perMinute(long limit, Clock clock) {
		return Bucket.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
			.withCustomTimePrecision(clock)
			.build();
	}

	/**
	 * Waits until one more call may go out: after any 429 pause, for a free slot, then for the request
	 * and the estimated tokens in the per-minute allowances. Close the permit when the call is over.
	 */
	public Permit acquire(long estimatedTokens) throws InterruptedException {
		waitOutPause();
		inFlight.acquire();
		try {
			// again once a slot is free: a 429 may have come while this call waited for the slot
			waitOutPause();
		}
		catch (InterruptedException ex) {
			inFlight.release();
			throw ex;
		}
		try {
			// checked once a slot is free: the calls ahead of this one have been billed or are in flight
			cap.reserve(estimatedTokens);
		}
		catch (SpendingCapReachedException ex) {
			inFlight.release();
			throw ex;
		}
		AutoCloseable sharedSlot = null;
		try {
			SharedSlots slots = shared;
			sharedSlot = slots == null ? null : slots.take();
			if (requests != null) {
				requests.asBlocking().consume(1, clock);
			}
			long charged = 0;
			if (tokens != null) {
				// a request larger than a minute's allowance waits for a full bucket, then goes
				charged = Math.min(Math.max(estimatedTokens, 1), tokensPerMinute);
				tokens.asBlocking().consume(charged, clock);
			}
			return new Permit(charged, estimatedTokens, sharedSlot);
		}
		catch (InterruptedException | RuntimeException ex) {
			closeQuietly(sharedSlot);
			cap.release(estimatedTokens);
			inFlight.release();
			throw ex;
		}
	}

	/** True when calls are held to a tokens-per-minute allowance, so their size is worth estimating closely. */
	public boolean limitsTokens() {
		return tokens != null;
	}

	/** The provider said "too many requests": no new call starts before this pause is over. */
	public void slowDown(Duration pause) {
		long until = clock.currentTimeNanos() + pause.toNanos();
		pausedUntilNanos.accumulateAndGet(until, Math::max);
	}

	/** True while a 429's pause holds back new calls. */
	public boolean isPaused() {
		return pausedUntilNanos.get() - clock.currentTimeNanos() > 0;
	}

	private void waitOutPause() throws InterruptedException {
		long wait;
		// differences, not comparisons, of nano times: they may be negative numbers
		while ((wait = pausedUntilNanos.get() - clock.currentTimeNanos()) > 0) {
			clock.park(wait);
		}
	}

	/** One call's place: holds a slot until closed, and corrects the token charge once usage is known. */
	public final class Permit implements AutoCloseable {

		private final long chargedTokens;

		private final long reservedTokens;

		private final AutoCloseable sharedSlot;

		private boolean closed;

		private Permit(long chargedTokens, long reservedTokens, AutoCloseable sharedSlot) {
			this.chargedTokens = chargedTokens;
			this.reservedTokens = reservedTokens;
			this.sharedSlot = sharedSlot;
		}

		/** Replaces the estimate with the tokens the provider reported (input plus output). */
		public void settle(long usedTokens) {
			if (tokens == null || usedTokens <= 0) {
				return;
			}
			long difference = usedTokens - chargedTokens;
			if (difference > 0) {
				tokens.consumeIgnoringRateLimits(difference);
			}
			else if (difference < 0) {
				tokens.addTokens(-difference);
			}
		}

		@Override
		public synchronized void close() {
			if (!closed) {
				closed = true;
				closeQuietly(sharedSlot);
				cap.release(reservedTokens);
				inFlight.release();
			}
		}

	}

	private static void closeQuietly(AutoCloseable slot) {
		if (slot != null) {
			try {
				slot.close();
			}
			catch (Exception ex) {
				// a slot that cannot be given back is freed when its holder's database session ends
			}
		}
	}

}
