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

	private volatile SharedRun shared;

	/**
	 * The limits of a run shared with other processes (the workers of one distributed run): its calls in
	 * flight, its 429 pause and its per-minute allowances, kept where every worker sees them.
	 */
	public interface SharedRun {

		/** Waits for a call slot free in the whole run; closing the slot gives it back. */
		AutoCloseable takeSlot() throws InterruptedException;

		/** What is left of the run's 429 pause; zero or negative when there is none. */
		Duration pauseLeft();

		/** Every worker of the run holds back new calls for this long. */
		void pauseFor(Duration pause);

		/** The run's requests-per-minute bucket, or null when the run has no such allowance. */
		Bucket requests();

		/** The run's tokens-per-minute bucket, or null. */
		Bucket tokens();

		/** The tokens-per-minute allowance the tokens bucket holds; 0 without one. */
		long tokensPerMinute();

		/** True once the work these calls are for has been taken from this process: no more of them go out. */
		boolean withdrawn();

	}

	/** From now on calls keep to these shared limits instead of this process's own allowances; null: back to them. */
	public void share(SharedRun run) {
		this.shared = run;
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
		SharedRun run = shared;
		// a run shared by workers keeps to its own allowances, in the database, instead of this process's
		Bucket requestBucket = run == null ? requests : run.requests();
		Bucket tokenBucket = run == null ? tokens : run.tokens();
		long allowance = run == null ? tokensPerMinute : run.tokensPerMinute();
		try {
			if (run != null) {
				sharedSlot = run.takeSlot();
				waitOutPause();
			}
			if (requestBucket != null) {
				requestBucket.asBlocking().consume(1, clock);
			}
			long charged = 0;
			if (tokenBucket != null) {
				// a request larger than a minute's allowance waits for a full bucket, then goes
				charged = Math.min(Math.max(estimatedTokens, 1), allowance);
				tokenBucket.asBlocking().consume(charged, clock);
			}
			// asked last, just before the call goes: the waits above may have lasted through a restart of the run
			if (run != null && run.withdrawn()) {
				throw new CallWithdrawnException();
			}
			return new Permit(charged, estimatedTokens, sharedSlot, tokenBucket);
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
		SharedRun run = shared;
		return run == null ? tokens != null : run.tokens() != null;
	}

	/** The provider said "too many requests": no new call starts before this pause is over. */
	public void slowDown(Duration pause) {
		long until = clock.currentTimeNanos() + pause.toNanos();
		pausedUntilNanos.accumulateAndGet(until, Math::max);
		SharedRun run = shared;
		if (run != null) {
			run.pauseFor(pause);
		}
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
		SharedRun run = shared;
		if (run != null) {
			// a 429 that another worker of the run was given holds this one back too
			Duration left;
			while (!(left = run.pauseLeft()).isNegative() && !left.isZero()) {
				clock.park(left.toNanos());
			}
		}
	}

	/** One call's place: holds a slot until closed, and corrects the token charge once usage is known. */
	public final class Permit implements AutoCloseable {

		private final long chargedTokens;

		private final long reservedTokens;

		private final AutoCloseable sharedSlot;

		private final Bucket tokenBucket;

		private boolean closed;

		private Permit(long chargedTokens, long reservedTokens, AutoCloseable sharedSlot, Bucket tokenBucket) {
			this.chargedTokens = chargedTokens;
			this.reservedTokens = reservedTokens;
			this.sharedSlot = sharedSlot;
			this.tokenBucket = tokenBucket;
		}

		/** Replaces the estimate with the tokens the provider reported (input plus output). */
		public void settle(long usedTokens) {
			if (tokenBucket == null || usedTokens <= 0) {
				return;
			}
			long difference = usedTokens - chargedTokens;
			if (difference > 0) {
				tokenBucket.consumeIgnoringRateLimits(difference);
			}
			else if (difference < 0) {
				tokenBucket.addTokens(-difference);
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
