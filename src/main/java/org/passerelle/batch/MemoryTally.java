package org.passerelle.batch;

import java.util.concurrent.atomic.AtomicLong;

import org.passerelle.llm.Translation;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Keeps in the step's execution context what the translation memory gave the articles this execution
 * wrote: paragraphs, and the tokens that spared (estimated as the dry run estimates). {@code status}, the
 * run's line and its report show it. Each execution counts its own, as with {@link BilledTokens}.
 */
class MemoryTally implements ItemStream {

	static final String PARAGRAPHS = "passerelle.memory.paragraphs";

	static final String SAVED_INPUT = "passerelle.memory.saved.input";

	static final String SAVED_OUTPUT = "passerelle.memory.saved.output";

	private final AtomicLong paragraphs = new AtomicLong();

	private final AtomicLong savedInput = new AtomicLong();

	private final AtomicLong savedOutput = new AtomicLong();

	void add(Translation.Reuse reuse) {
		paragraphs.addAndGet(reuse.paragraphs());
		savedInput.addAndGet(reuse.savedInputTokens());
		savedOutput.addAndGet(reuse.savedOutputTokens());
	}

	@Override
	public void open(ExecutionContext context) {
		paragraphs.set(0);
		savedInput.set(0);
		savedOutput.set(0);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(PARAGRAPHS, paragraphs.get());
		context.putLong(SAVED_INPUT, savedInput.get());
		context.putLong(SAVED_OUTPUT, savedOutput.get());
	}

}
