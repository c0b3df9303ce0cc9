package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.article.SourceFile;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.passerelle.report.JournalEntry;
import org.passerelle.report.RunJournal;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts what the chunk's writer records in the ledger into the run's journal too, for the report. The
 * journal takes the entries when the chunk's transaction commits, and forgets them when it rolls back.
 */
class RunJournalRecorder {

	private final RunJournal journal;

	private final Path outputDir;

	RunJournalRecorder(RunJournal journal, Path outputDir) {
		this.journal = journal;
		this.outputDir = outputDir;
	}

	/** Called as the chunk's writing begins, in its transaction. */
	void joinTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					journal.commit();
				}
				else {
					journal.discard();
				}
			}
		});
	}

	void translated(Translation translation, OutputPaths paths) {
		journal.add(JournalEntry.translated(translation.article(), translation.english().title(),
				translation.english().paragraphs(), translation.english().summary(),
				new JournalEntry.Outputs(relative(paths.translation()), relative(paths.summary()), relative(paths.metadata())),
				translation.inputTokens(), translation.outputTokens(), translation.quality().flags()));
		commitOutsideTransaction();
	}

	void failed(SourceFile source, String kind, String reason, int attempts) {
		journal.add(JournalEntry.failed(source, kind, reason, attempts));
		commitOutsideTransaction();
	}

	void gone(SourceFile source) {
		journal.add(JournalEntry.gone(source));
		commitOutsideTransaction();
	}

	private void commitOutsideTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			journal.commit();
		}
	}

	private String relative(Path file) {
		return outputDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
			.replace(file.getFileSystem().getSeparator(), "/");
	}

}
