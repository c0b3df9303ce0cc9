package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Records each written article as translated in the ledger, in the chunk's transaction: the ledger row
 * and the reader's position commit together. (The files were written by the processor as soon as each
 * answer came in.) Keeps the step's token totals in its execution context, so they survive a restart
 * and show in {@code status}.
 */
class LedgerItemWriter extends ItemStreamSupport implements ItemStreamWriter<Translation> {

	static final String INPUT_TOKENS = "tokens.input";

	static final String OUTPUT_TOKENS = "tokens.output";

	private static final String NAME = "ledgerWriter";

	private final ArticleLedger ledger;

	private final Path outputDir;

	private final long jobExecutionId;

	private long inputTokens;

	private long outputTokens;

	LedgerItemWriter(ArticleLedger ledger, Path outputDir, long jobExecutionId) {
		this.ledger = ledger;
		this.outputDir = outputDir;
		this.jobExecutionId = jobExecutionId;
		setName(NAME);
	}

	@Override
	public void open(ExecutionContext context) {
		inputTokens = context.getLong(getExecutionContextKey(INPUT_TOKENS), 0L);
		outputTokens = context.getLong(getExecutionContextKey(OUTPUT_TOKENS), 0L);
	}

	@Override
	public void write(Chunk<? extends Translation> chunk) {
		for (Translation translation : chunk) {
			ledger.recordSuccess(translation, OutputPaths.of(outputDir, translation.article().source().id()), jobExecutionId);
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
		return NAME + "." + INPUT_TOKENS;
	}

	static String outputTokensKey() {
		return NAME + "." + OUTPUT_TOKENS;
	}

}
