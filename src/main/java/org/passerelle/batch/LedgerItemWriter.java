package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.PartAnswers;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records each written article as translated in the ledger, and each failed one as failed, in the
 * chunk's transaction: the ledger rows and the reader's position commit together, and the run's
 * journal takes them once the chunk has committed. (The files were written by the processor as soon as
 * each answer came in.)
 */
class LedgerItemWriter implements ItemWriter<Translation> {

	private final ArticleLedger ledger;

	private final Path outputDir;

	private final long jobExecutionId;

	private final FailedArticleRecorder failures;

	private final PartAnswers partAnswers;

	private final RunJournalRecorder journal;

	LedgerItemWriter(ArticleLedger ledger, Path outputDir, long jobExecutionId, FailedArticleRecorder failures,
			PartAnswers partAnswers, RunJournalRecorder journal) {
		this.partAnswers = partAnswers;
		this.journal = journal;
		this.ledger = ledger;
		this.outputDir = outputDir;
		this.jobExecutionId = jobExecutionId;
		this.failures = failures;
	}

	@Override
	public void write(Chunk<? extends Translation> chunk) {
		journal.joinTransaction();
		failures.recordPending();
		for (Translation translation : chunk) {
			OutputPaths paths = OutputPaths.of(outputDir, translation.article().source().id());
			ledger.recordSuccess(translation, outputDir, paths, jobExecutionId);
			journal.translated(translation, paths);
		}
		// the outputs are on disk and about to be committed; if the commit fails, the files are reused anyway
		for (Translation translation : chunk) {
			partAnswers.forget(translation.article().sha256());
		}
	}

}
