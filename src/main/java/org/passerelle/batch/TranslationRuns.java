package org.passerelle.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Starts translation runs and reads their history from the job repository. */
@Component
public class TranslationRuns {

	private static final Logger log = LoggerFactory.getLogger(TranslationRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job translateArticlesJob;

	private final Clock clock;

	TranslationRuns(JobOperator jobOperator, JobRepository jobRepository, Job translateArticlesJob, Clock clock) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.translateArticlesJob = translateArticlesJob;
		this.clock = clock;
	}

	/** Runs the job to its end in this thread and says what it did. */
	public RunSummary run(RunRequest request) throws Exception {
		recoverDeadExecutions();
		JobExecution execution = jobOperator.start(translateArticlesJob, RunParameters.of(request, clock));
		return summarize(execution);
	}

	/**
	 * Resumes a FAILED or STOPPED execution from its last committed chunk: the given one, or else the most
	 * recent one. Empty when there is nothing to resume.
	 */
	public Optional<RunSummary> restart(Long executionId) throws Exception {
		recoverDeadExecutions();
		JobExecution target;
		if (executionId != null) {
			target = jobRepository.getJobExecution(executionId);
			if (target == null) {
				throw new IllegalArgumentException("there is no execution " + executionId + " (see: status)");
			}
		}
		else {
			JobInstance last = jobRepository.getLastJobInstance(TranslateArticlesJobConfiguration.JOB_NAME);
			target = last == null ? null : jobRepository.getLastJobExecution(last);
		}
		if (target == null || !isRestartable(target.getStatus())) {
			return Optional.empty();
		}
		return Optional.of(summarize(jobOperator.restart(target)));
	}

	/** Asks the running execution, if any, to stop at the end of its current chunk. */
	public void stopRunning() {
		for (JobExecution running : jobRepository.findRunningJobExecutions(TranslateArticlesJobConfiguration.JOB_NAME)) {
			try {
				jobOperator.stop(running);
			}
			catch (Exception ex) {
				// it ended on its own meanwhile
			}
		}
	}

	/**
	 * This process holds the work directory's lock, so an execution still marked STARTED belongs to a
	 * process that died (kill -9, power cut): mark it FAILED so that it can be restarted.
	 */
	private void recoverDeadExecutions() {
		for (JobExecution dead : jobRepository.findRunningJobExecutions(TranslateArticlesJobConfiguration.JOB_NAME)) {
			log.warn("execution {} was left running by a process that ended abruptly; marking it FAILED so it can be restarted",
					dead.getId());
			jobOperator.recover(dead);
		}
	}

	private static boolean isRestartable(BatchStatus status) {
		return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
	}

	/** The most recent executions, newest first. */
	public List<RunSummary> recent(int limit) {
		List<RunSummary> runs = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(TranslateArticlesJobConfiguration.JOB_NAME, 0, limit)) {
			for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
				runs.add(summarize(execution));
			}
		}
		runs.sort(Comparator.comparingLong(RunSummary::executionId).reversed());
		return runs.size() > limit ? runs.subList(0, limit) : runs;
	}

	private static RunSummary summarize(JobExecution execution) {
		long read = 0;
		long written = 0;
		long unchanged = 0;
		long failed = 0;
		long inputTokens = 0;
		long outputTokens = 0;
		long retries = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			retries += step.getExecutionContext().getLong(ProviderRetryPolicy.RETRIES, 0L);
			read += step.getReadCount();
			written += step.getWriteCount();
			unchanged += step.getFilterCount();
			failed += step.getSkipCount();
			inputTokens += step.getExecutionContext().getLong(BilledTokens.INPUT, 0L);
			outputTokens += step.getExecutionContext().getLong(BilledTokens.OUTPUT, 0L);
		}
		return new RunSummary(execution.getId(), execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE),
				execution.getStartTime(), execution.getEndTime(), execution.getStatus().name(), read, written, unchanged,
				failed, retries, inputTokens, outputTokens, execution.getAllFailureExceptions());
	}

}
