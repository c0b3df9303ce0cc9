package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.config.PasserelleProperties;
import org.springframework.batch.core.job.parameters.JobParameters;

/** What the manager and the workers of a distributed run need to know of the job: its step names and parameters. */
public final class WorkerSteps {

	/** The translating step, as workers know it: a distributed run's partitions are executions of it. */
	public static final String STEP_NAME = TranslateArticlesJobConfiguration.STEP_NAME;

	/** The step of a distributed run that hands partitions to workers and waits for them. */
	public static final String MANAGER_STEP_NAME = TranslateArticlesJobConfiguration.MANAGER_STEP_NAME;

	/** Marks a partition a worker gave back when it was stopped on its own, for another worker to finish. */
	public static final String GIVEN_BACK = "partition.given.back";

	private WorkerSteps() {
	}

	public static int partitions(JobParameters parameters) {
		return RunParameters.partitions(parameters);
	}

	/** The calls the run's workers together may have in flight; 0 when not shared. */
	public static int sharedConcurrency(JobParameters parameters) {
		return RunParameters.sharedConcurrency(parameters);
	}

	/**
	 * What the workers of a distributed run share, as the manager was configured: the calls in flight,
	 * the per-minute allowances (null: none) and the spending cap with its prices (an unset cap: none).
	 */
	public record RunLimits(int concurrency, Integer requestsPerMinute, Integer tokensPerMinute,
			PasserelleProperties.Spending spending, PasserelleProperties.Prices prices) {
	}

	public static RunLimits runLimits(JobParameters parameters) {
		Long requests = parameters.getLong(RunParameters.SHARED_REQUESTS_PER_MINUTE);
		Long tokens = parameters.getLong(RunParameters.SHARED_TOKENS_PER_MINUTE);
		return new RunLimits(RunParameters.sharedConcurrency(parameters), requests == null ? null : requests.intValue(),
				tokens == null ? null : tokens.intValue(),
				new PasserelleProperties.Spending(parameters.getDouble(RunParameters.CAP_MAX_COST),
						parameters.getLong(RunParameters.CAP_MAX_TOKENS)),
				new PasserelleProperties.Prices(parameters.getDouble(RunParameters.CAP_INPUT_PRICE),
						parameters.getDouble(RunParameters.CAP_OUTPUT_PRICE)));
	}

	/**
	 * The input and output tokens this job execution was billed before its partitions went out: the
	 * manager's own requests, the changes of updated articles sent together.
	 */
	public static long[] billedBeforePartitions(org.springframework.batch.core.job.JobExecution job) {
		long[] billed = new long[2];
		for (org.springframework.batch.core.step.StepExecution step : job.getStepExecutions()) {
			if (step.getStepName().equals(TranslateArticlesJobConfiguration.SEND_CHANGES_STEP_NAME)) {
				billed[0] += step.getExecutionContext().getLong(BilledTokens.INPUT, 0L);
				billed[1] += step.getExecutionContext().getLong(BilledTokens.OUTPUT, 0L);
			}
		}
		return billed;
	}

	public static Path inputDir(JobParameters parameters) {
		return Path.of(parameters.getString(RunParameters.INPUT_DIR));
	}

}
