package org.passerelle.batch;

import org.passerelle.llm.ProviderResponses;
import org.passerelle.llm.SpendingCap;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Keeps in the step's execution context the tokens this execution was billed for: every answer the
 * provider returned during the step, including answers that were unusable and retried. That is what
 * {@code status} shows and prices. Saved with every chunk commit, so a run that dies keeps the figure of
 * its last committed chunk. Each execution shows what it paid itself: a restart starts again from zero.
 */
class BilledTokens implements ItemStream, StepExecutionListener {

	static final String INPUT = "passerelle.tokens.input";

	static final String OUTPUT = "passerelle.tokens.output";

	/** Of those, the tokens of answers taken from a provider batch, billed at the batch price. */
	static final String BATCH_INPUT = "passerelle.tokens.batch.input";

	static final String BATCH_OUTPUT = "passerelle.tokens.batch.output";

	/** Set when the run stopped at its spending cap: which cap, in words. */
	static final String CAP_REACHED = "passerelle.cap.reached";

	private long[] atStart = ProviderResponses.billedTokens();

	private long[] batchAtStart = ProviderResponses.batchTokens();

	private final SpendingCap cap;

	BilledTokens(SpendingCap cap) {
		this.cap = cap;
	}

	/** Before {@link #open}: what the changes sent together cost before this step counts against the same cap. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		cap.startStep(stepExecution.getJobExecutionId());
	}

	@Override
	public void open(ExecutionContext context) {
		atStart = ProviderResponses.billedTokens();
		batchAtStart = ProviderResponses.batchTokens();
	}

	@Override
	public void update(ExecutionContext context) {
		long[] now = ProviderResponses.billedTokens();
		long[] batch = ProviderResponses.batchTokens();
		long batchInput = batch[0] - batchAtStart[0];
		long batchOutput = batch[1] - batchAtStart[1];
		context.putLong(INPUT, now[0] - atStart[0] + batchInput);
		context.putLong(OUTPUT, now[1] - atStart[1] + batchOutput);
		context.putLong(BATCH_INPUT, batchInput);
		context.putLong(BATCH_OUTPUT, batchOutput);
		if (cap.reached()) {
			context.putString(CAP_REACHED, cap.describe());
		}
	}

}
