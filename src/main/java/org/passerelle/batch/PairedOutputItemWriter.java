package org.passerelle.batch;

import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Writes each translation's paired files, then its ledger row in the chunk's transaction. Keeps the
 * step's token totals in its execution context, so they survive a restart and show in {@code status}.
 */
public class PairedOutputItemWriter extends ItemStreamSupport implements ItemStreamWriter<Translation> {

	static final String INPUT_TOKENS = "tokens.input";

	static final String OUTPUT_TOKENS = "tokens.output";

	private final PairedOutputWriter files;

	private final ArticleLedger ledger;

	private final long jobExecutionId;

	private long inputTokens;

	private long outputTokens;

	public PairedOutputItemWriter(PairedOutputWriter files, ArticleLedger ledger, long jobExecutionId) {
		this.files = files;
		this.ledger = ledger;
		this.jobExecutionId = jobExecutionId;
		setName("pairedOutputWriter");
	}

	@Override
	public void open(ExecutionContext context) {
		inputTokens = context.getLong(getExecutionContextKey(INPUT_TOKENS), 0L);
		outputTokens = context.getLong(getExecutionContextKey(OUTPUT_TOKENS), 0L);
	}

	@Override
	public void write(Chunk<? extends Translation> chunk) throws Exception {
		for (Translation translation : chunk) {
			OutputPaths paths = files.write(translation, jobExecutionId);
			ledger.recordSuccess(translation, paths, jobExecutionId);
			inputTokens += translation.inputTokens();
			outputTokens += translation.outputTokens();
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(getExecutionContextKey(INPUT_TOKENS), inputTokens);
		context.putLong(getExecutionContextKey(OUTPUT_TOKENS), outputTokens);
	}

	static String inputTokensKey() {
		return "pairedOutputWriter." + INPUT_TOKENS;
	}

	static String outputTokensKey() {
		return "pairedOutputWriter." + OUTPUT_TOKENS;
	}

}
