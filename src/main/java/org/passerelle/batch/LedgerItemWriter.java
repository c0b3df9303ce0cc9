package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records each written article as translated in the ledger, and each failed one as failed, in the
 * chunk's transaction: the ledger rows and the reader's position commit together. (The files were
 * written by the processor as soon as each answer came in.)
 */
class LedgerItemWriter implements ItemWriter<Translation> {

	private final ArticleLedger ledger;

	private final Path outputDir;

	private final long jobExecutionId;

	private final FailedArticleRecorder failures;

	LedgerItemWriter(ArticleLedger ledger, Path outputDir, long jobExecutionId, FailedArticleRecorder failures) {
		this.ledger = ledger;
		this.outputDir = outputDir;
		this.jobExecutionId = jobExecutionId;
		this.failures = failures;
	}

	@Override
	public void write(Chunk<? extends Translation> chunk) {
		failures.recordPending();
		for (Translation translation : chunk) {
			ledger.recordSuccess(translation, outputDir, OutputPaths.of(outputDir, translation.article().source().id()),
					jobExecutionId);
		}
	}

}
