package org.passerelle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.passerelle.llm.BatchAnswers;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Makes the run's downloaded batch answers available to the translating step, so that each article
 * whose request the batch answered takes that answer instead of a live call. Once the step has
 * completed, every article's outputs are committed and the downloaded files are deleted: a work
 * directory does not fill up with a night's answers every night.
 */
class BatchAnswersStream implements ItemStream, StepExecutionListener {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchAnswersStream.class);

	private final BatchAnswers answers;

	private final List<String> results;

	BatchAnswersStream(BatchAnswers answers, List<String> results) {
		this.answers = answers;
		this.results = results;
	}

	@Override
	public void open(ExecutionContext context) {
		answers.clear();
		for (String file : results) {
			if (Files.isRegularFile(Path.of(file))) {
				answers.load(Path.of(file));
			}
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		int unused = answers.clear();
		if (unused > 0) {
			// answers the run never asked for: the settings (prompt, glossary, model) changed during the wait
			log.warn("{} answer(s) of the provider batch matched no request of this run and were not used", unused);
		}
		if (ExitStatus.COMPLETED.getExitCode().equals(stepExecution.getExitStatus().getExitCode())) {
			for (String file : results) {
				try {
					Files.deleteIfExists(Path.of(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot delete the batch answers " + file, ex);
				}
			}
		}
		return stepExecution.getExitStatus();
	}

}
