package org.passerelle.batch;

import org.passerelle.llm.ProviderResponses;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Keeps in the step's execution context the tokens this execution was billed for: every answer the
 * provider returned during the step, including answers that were unusable and retried. That is what
 * {@code status} shows and prices. (A restart starts from its own zero: each execution shows what it paid.)
 */
class BilledTokens implements StepExecutionListener {

	static final String INPUT = "passerelle.tokens.input";

	static final String OUTPUT = "passerelle.tokens.output";

	private long[] atStart;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		atStart = ProviderResponses.billedTokens();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		long[] now = ProviderResponses.billedTokens();
		stepExecution.getExecutionContext().putLong(INPUT, now[0] - atStart[0]);
		stepExecution.getExecutionContext().putLong(OUTPUT, now[1] - atStart[1]);
		return null;
	}

}
