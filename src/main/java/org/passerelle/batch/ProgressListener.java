package org.passerelle.batch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

import org.passerelle.article.SourceFile;
import org.passerelle.llm.Translation;
import org.passerelle.progress.RunProgress;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Observes the step for the live progress: each article done, failed or left alone as it happens (on
 * the worker threads), not chunk by chunk. Counting the articles to do walks the folder again, on a
 * thread of its own, so the run does not wait for it.
 */
class ProgressListener implements StepExecutionListener, ItemProcessListener<SourceFile, Translation>,
		SkipListener<SourceFile, Translation> {

	private final RunProgress progress;

	private final SourceFileReader reader;

	ProgressListener(RunProgress progress, SourceFileReader reader) {
		this.progress = progress;
		this.reader = reader;
	}

	@Override
	public void beforeStep(StepExecution step) {
		progress.started(step.getJobExecutionId(), step.getStartTime() == null ? Instant.now()
				: step.getStartTime().atZone(ZoneId.systemDefault()).toInstant(), reader.inputDir().toString(),
				step.getJobExecution().getJobParameters().getString(RunParameters.OUTPUT_DIR));
		LongSupplier counter = reader.counter(reader.resumeAfter(step.getExecutionContext()));
		Thread counting = new Thread(() -> progress.total(counter.getAsLong()), "passerelle-count");
		counting.setDaemon(true);
		counting.start();
	}

	/** No translation: unchanged, gone, or left for later at the spending cap. */
	@Override
	public void afterProcess(SourceFile item, Translation result) {
		if (result == null) {
			progress.unchanged();
		}
		else {
			progress.translated();
		}
	}

	@Override
	public void onSkipInProcess(SourceFile item, Throwable t) {
		progress.failed();
	}

}
