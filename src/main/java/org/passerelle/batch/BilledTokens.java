package org.passerelle.batch;

import org.passerelle.llm.ProviderResponses;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Keeps in the step's execution context the tokens this execution was billed for: every answer the
 * provider returned during the step, including answers that were unusable and retried. That is what
 * {@code status} shows and prices. Saved with every chunk commit, so a run that dies keeps the figure of
 * its last committed chunk. Each execution shows what it paid itself: a restart starts again from zero.
 */
class BilledTokens implements ItemStream {

	static final String INPUT = "passerelle.tokens.input";

	static final String OUTPUT = "passerelle.tokens.output";

	private long[] atStart = ProviderResponses.billedTokens();

	@Override
	public void open(ExecutionContext context) {
		atStart = ProviderResponses.billedTokens();
	}

	@Override
	public void update(ExecutionContext context) {
		long[] now = ProviderResponses.billedTokens();
		context.putLong(INPUT, now[0] - atStart[0]);
		context.putLong(OUTPUT, now[1] - atStart[1]);
	}

}
