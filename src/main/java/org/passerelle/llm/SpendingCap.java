package org.passerelle.llm;

import java.util.OptionalDouble;

import org.passerelle.config.PasserelleProperties;

/**
 * The most one run may spend, in money (at the configured prices) or in tokens. Before each request,
 * what the run has been billed so far, plus the estimates of the calls in flight, plus this request's
 * estimate, must stay within the cap; the first request that would cross it is refused, and so is every
 * one after it, so the run stops sending and ends once the calls in flight are done. Estimates are priced
 * at the dearer of the input and output prices: the cap is never crossed by an estimate that ran short.
 */
public final class SpendingCap {

	private Double maxCost;

	private Long maxTokens;

	private PasserelleProperties.Prices prices;

	private SharedAccount account;

	/** This process's billed tokens already added to the shared account. */
	private long[] reported = ProviderResponses.billedTokens();

	/**
	 * The account of a run shared by several processes (the workers of one distributed run): what they were
	 * billed together and what their calls in flight hold, kept where all of them see it.
	 */
	public interface SharedAccount {

		/**
		 * Adds what this process was billed since it last said, then holds {@code estimatedTokens} unless
		 * {@code over} says the run's totals with it would cross the cap; false then, and from then on for
		 * every process of the run.
		 */
		boolean reserve(long newInput, long newOutput, long estimatedTokens, Over over);

		/** Adds what this process was billed since it last said, and frees a call's estimate. */
		void release(long newInput, long newOutput, long estimatedTokens);

	}

	/** Whether the run's billed tokens, plus these held for calls in flight, cross the cap. */
	public interface Over {

		boolean test(long input, long output, long pending);

	}

	private long[] billedAtStart = ProviderResponses.billedTokens();

	private long[] batchAtStart = ProviderResponses.batchTokens();

	private double batchShare = 0.5;

	private long reservedTokens;

	private boolean reached;

	/** The job execution whose run started before its translating step, which then counts on from there. */
	private Long startedRun;

	public SpendingCap(PasserelleProperties.Spending spending, PasserelleProperties.Prices prices) {
		this.maxCost = spending.maxCostPerRun();
		this.maxTokens = spending.maxTokensPerRun();
		this.prices = prices;
	}

	/**
	 * From now on this process counts against the run's cap and account, not its own: a worker running a
	 * partition of a distributed run. {@link #start()} (the partition's step opening) follows.
	 */
	public synchronized void share(PasserelleProperties.Spending spending, PasserelleProperties.Prices runPrices,
			SharedAccount runAccount) {
		this.maxCost = spending.maxCostPerRun();
		this.maxTokens = spending.maxTokensPerRun();
		this.prices = runPrices;
		this.account = runAccount;
		this.reported = ProviderResponses.billedTokens();
	}

	/** What batch answers cost, as a share of the live price. */
	public SpendingCap batchPriceShare(double share) {
		this.batchShare = share;
		return this;
	}

	public static SpendingCap none() {
		return new SpendingCap(new PasserelleProperties.Spending(null, null), new PasserelleProperties.Prices(null, null));
	}

	public synchronized boolean isSet() {
		return maxCost != null || maxTokens != null;
	}

	/** A run starts: what earlier runs of this process were billed does not count against it. */
	public synchronized void start() {
		billedAtStart = ProviderResponses.billedTokens();
		batchAtStart = ProviderResponses.batchTokens();
		reported = billedAtStart;
		reservedTokens = 0;
		reached = false;
		startedRun = null;
	}

	/**
	 * This job execution starts spending in a step before its translating step (the changes sent
	 * together): the allowance starts here, and {@link #startStep} of the same execution counts on.
	 */
	public synchronized void startRun(long jobExecutionId) {
		start();
		startedRun = jobExecutionId;
	}

	/** A translating step starts: a run of its own, unless its execution already started spending. */
	public synchronized void startStep(long jobExecutionId) {
		if (startedRun == null || startedRun != jobExecutionId) {
			start();
		}
	}

	/** True once a request was refused: the run is stopping at the cap. */
	public synchronized boolean reached() {
		return reached;
	}

	/** The cap in words: "the spending cap of 20.00", "the cap of 100,000 tokens". */
	public synchronized String describe() {
		return maxCost != null ? "the spending cap of " + java.math.BigDecimal.valueOf(maxCost).stripTrailingZeros().toPlainString()
				: String.format("the cap of %,d tokens", maxTokens);
	}

	/** Holds this request's estimate against the cap, or refuses it. */
	synchronized void reserve(long estimatedTokens) throws SpendingCapReachedException {
		// nothing to reserve for an answer already paid for in a provider batch
		if (!isSet() || estimatedTokens == 0) {
			return;
		}
		if (account != null) {
			long[] news = newlyBilled();
			if (!account.reserve(news[0], news[1], estimatedTokens, this::over)) {
				reached = true;
				throw new SpendingCapReachedException(describe());
			}
			return;
		}
		long[] now = ProviderResponses.billedTokens();
		long[] batch = ProviderResponses.batchTokens();
		long input = now[0] - billedAtStart[0];
		long output = now[1] - billedAtStart[1];
		long batchInput = batch[0] - batchAtStart[0];
		long batchOutput = batch[1] - batchAtStart[1];
		long pending = reservedTokens + estimatedTokens;
		boolean over = reached
				|| maxTokens != null && input + output + batchInput + batchOutput + pending > maxTokens
				|| maxCost != null && cost(input, output) + cost(batchInput, batchOutput) * batchShare
						+ pending * dearestPricePerToken() > maxCost;
		if (over) {
			reached = true;
			throw new SpendingCapReachedException(describe());
		}
		reservedTokens += estimatedTokens;
	}

	/** The call is over; its real usage is in what the provider billed. */
	synchronized void release(long estimatedTokens) {
		if (isSet() && account != null) {
			long[] news = newlyBilled();
			account.release(news[0], news[1], estimatedTokens);
		}
		else if (isSet()) {
			reservedTokens -= estimatedTokens;
		}
	}

	/** Input and output tokens billed to this process since it last told the shared account. */
	private long[] newlyBilled() {
		long[] now = ProviderResponses.billedTokens();
		long[] news = { now[0] - reported[0], now[1] - reported[1] };
		reported = now;
		return news;
	}

	/** The cap's test on a run's live totals; a run shared by workers does not use provider batches. */
	private boolean over(long input, long output, long pending) {
		return maxTokens != null && input + output + pending > maxTokens
				|| maxCost != null && cost(input, output) + pending * dearestPricePerToken() > maxCost;
	}

	/** Whether work estimated at these tokens fits under the cap, for a dry run; empty when no cap is set. */
	public java.util.Optional<Boolean> fits(long inputTokens, long outputTokens) {
		return fits(inputTokens, outputTokens, 1.0);
	}

	/** The same, for work billed at this share of the live price (a provider batch). */
	public java.util.Optional<Boolean> fits(long inputTokens, long outputTokens, double priceShare) {
		if (!isSet()) {
			return java.util.Optional.empty();
		}
		boolean tokensFit = maxTokens == null || inputTokens + outputTokens <= maxTokens;
		boolean costFits = maxCost == null || cost(inputTokens, outputTokens) * priceShare <= maxCost;
		return java.util.Optional.of(tokensFit && costFits);
	}

	private double cost(long input, long output) {
		OptionalDouble cost = prices.cost(input, output);
		return cost.orElse(0);
	}

	private double dearestPricePerToken() {
		double input = prices.inputPerMillion() == null ? 0 : prices.inputPerMillion();
		double output = prices.outputPerMillion() == null ? 0 : prices.outputPerMillion();
		return Math.max(input, output) / 1_000_000.0;
	}

}
