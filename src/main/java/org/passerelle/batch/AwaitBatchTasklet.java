package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.passerelle.llm.BatchState;
import org.passerelle.llm.ProviderBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Waits for the run's provider batches, asking at the poll interval and less often as the wait grows,
 * then downloads their answers into the work directory. A batch that failed or expired as a whole ends
 * the run FAILED with nothing marked failed; its {@code restart} takes what the batch did answer and
 * sends the rest live. A stop request (SIGTERM) ends the wait STOPPED; {@code restart} waits on.
 */
class AwaitBatchTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(AwaitBatchTasklet.class);

	/** The interval grows by half after each poll, up to ten times the configured one. */
	private static final double BACK_OFF = 1.5;

	private final ProviderBatches provider;

	private final Path workDir;

	private final Duration pollInterval;

	private final Duration maxWait;

	private final JobRepository jobRepository;

	AwaitBatchTasklet(ProviderBatches provider, Path workDir, Duration pollInterval, Duration maxWait,
			JobRepository jobRepository) {
		this.provider = provider;
		this.workDir = workDir;
		this.pollInterval = pollInterval;
		this.maxWait = maxWait;
		this.jobRepository = jobRepository;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		Instant deadline = Instant.now().plus(maxWait);
		for (String id : ProviderBatch.ids(job)) {
			Path results = ProviderBatch.resultsFile(workDir, id);
			if (ProviderBatch.results(job).contains(results.toString()) && Files.isRegularFile(results)) {
				continue;
			}
			BatchState state = await(id, step, deadline);
			if (state.phase() == BatchState.Phase.FAILED && !job.containsKey(ProviderBatch.FAILED_PREFIX + id)) {
				job.putString(ProviderBatch.FAILED_PREFIX + id, state.status());
				jobRepository.updateExecutionContext(step.getJobExecution());
				throw new IllegalStateException("the provider's batch " + id + " " + state.status()
						+ (state.detail() == null ? "" : " (" + state.detail() + ")") + " with " + state.finished() + " of "
						+ state.total() + " requests answered; no article was marked failed, and 'restart' uses the answers "
						+ "it has and sends the rest live");
			}
			provider.download(id, results);
			ProviderBatch.addResults(job, results);
			jobRepository.updateExecutionContext(step.getJobExecution());
			log.info("provider batch {} {}: {} of {} requests answered, answers downloaded", id, state.status(),
					state.finished(), state.total());
		}
		return RepeatStatus.FINISHED;
	}

	private BatchState await(String id, StepExecution step, Instant deadline) throws Exception {
		Duration interval = pollInterval;
		Duration longest = pollInterval.multipliedBy(10);
		while (true) {
			BatchState state;
			try {
				state = provider.poll(id);
			}
			catch (IOException ex) {
				// a poll that fails (a 429, a 5xx, the network) says nothing about the batch: ask again later
				log.warn("provider batch {}: could not ask how it stands ({}); asking again in {}", id, ex.getMessage(),
						interval);
				state = null;
			}
			if (state != null && state.ended()) {
				return state;
			}
			if (state != null) {
				log.info("provider batch {}: {}, {} of {} requests answered", id, state.status(), state.finished(),
						state.total());
			}
			if (Instant.now().plus(interval).isAfter(deadline)) {
				throw new IllegalStateException("waited " + maxWait + " (PASSERELLE_LLM_BATCH_MAX_WAIT) for the provider's batch "
						+ id + "; 'restart' waits for the same batch again");
			}
			sleep(interval, step);
			interval = Duration.ofMillis(Math.min(longest.toMillis(), (long) (interval.toMillis() * BACK_OFF)));
		}
	}

	/** Waits, but answers a stop request within a quarter of a second. */
	private static void sleep(Duration interval, StepExecution step) throws JobInterruptedException, InterruptedException {
		long until = System.nanoTime() + interval.toNanos();
		while (System.nanoTime() < until) {
			if (step.isTerminateOnly()) {
				throw new JobInterruptedException("stopped while waiting for the provider's batch");
			}
			Thread.sleep(Math.max(1, Math.min(250, (until - System.nanoTime()) / 1_000_000)));
		}
	}

}
