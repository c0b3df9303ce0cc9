package org.passerelle.batch;

import java.time.Clock;

import org.passerelle.config.PasserelleProperties;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The job parameters a run carries. None of them is a secret: they are stored in the job repository. */
final class RunParameters {

	static final String INPUT_DIR = "input.dir";

	static final String OUTPUT_DIR = "output.dir";

	static final String RUN_DATE = "run.date";

	static final String FORCE = "force";

	/** A {@code retry-failed} run: only articles whose last attempt failed. */
	static final String ONLY_FAILED = "only.failed";

	/** A run through the provider's batch API. */
	static final String BATCH = "batch";

	/** How many partitions a distributed run's articles are split into; absent for a run in one process. */
	static final String PARTITIONS = "partitions";

	/** The calls every worker of a distributed run together may have in flight: the manager's concurrency. */
	static final String SHARED_CONCURRENCY = "llm.shared.concurrency";

	/** A distributed run's own limits, the manager's settings, that its workers share (absent: none). */
	static final String SHARED_REQUESTS_PER_MINUTE = "llm.shared.requests.per.minute";

	static final String SHARED_TOKENS_PER_MINUTE = "llm.shared.tokens.per.minute";

	static final String CAP_MAX_COST = "cap.max.cost";

	static final String CAP_MAX_TOKENS = "cap.max.tokens";

	static final String CAP_INPUT_PRICE = "cap.price.input.per.million";

	static final String CAP_OUTPUT_PRICE = "cap.price.output.per.million";

	/** Makes every run its own job instance, so two runs on one day are two instances. */
	static final String LAUNCHED_AT = "launched.at";

	private RunParameters() {
	}

	/** What the batch steps need of a run's parameters. */
	record Batching(boolean enabled, java.nio.file.Path inputDir, java.nio.file.Path outputDir, boolean force) {
	}

	static JobParameters of(RunRequest request, Clock clock) {
		return new JobParametersBuilder()
			.addString(INPUT_DIR, request.inputDir().toAbsolutePath().normalize().toString())
			.addString(OUTPUT_DIR, request.outputDir().toAbsolutePath().normalize().toString())
			.addLocalDate(RUN_DATE, request.date())
			.addString(FORCE, Boolean.toString(request.force()), false)
			.addString(ONLY_FAILED, Boolean.toString(request.onlyFailed()), false)
			.addString(BATCH, Boolean.toString(request.batch()), false)
			.addLong(LAUNCHED_AT, clock.millis())
			.addLong(PARTITIONS, (long) request.partitions(), false)
			.addLong(SHARED_CONCURRENCY, (long) request.sharedConcurrency(), false)
			.toJobParameters();
	}

	/**
	 * The same, with what the workers of a distributed run share besides the calls in flight: the
	 * per-minute allowances and the spending cap (with the prices it is counted at), as this process has them.
	 */
	static JobParameters of(RunRequest request, Clock clock, PasserelleProperties properties) {
		JobParameters parameters = of(request, clock);
		if (request.partitions() <= 1) {
			return parameters;
		}
		JobParametersBuilder builder = new JobParametersBuilder(parameters);
		PasserelleProperties.Llm llm = properties.llm();
		if (llm.requestsPerMinute() != null) {
			builder.addLong(SHARED_REQUESTS_PER_MINUTE, (long) llm.requestsPerMinute(), false);
		}
		if (llm.tokensPerMinute() != null) {
			builder.addLong(SHARED_TOKENS_PER_MINUTE, (long) llm.tokensPerMinute(), false);
		}
		PasserelleProperties.Spending spending = properties.spending();
		if (spending.maxCostPerRun() != null) {
			builder.addDouble(CAP_MAX_COST, spending.maxCostPerRun(), false);
		}
		if (spending.maxTokensPerRun() != null) {
			builder.addLong(CAP_MAX_TOKENS, spending.maxTokensPerRun(), false);
		}
		if (llm.prices().inputPerMillion() != null) {
			builder.addDouble(CAP_INPUT_PRICE, llm.prices().inputPerMillion(), false);
		}
		if (llm.prices().outputPerMillion() != null) {
			builder.addDouble(CAP_OUTPUT_PRICE, llm.prices().outputPerMillion(), false);
		}
		return builder.toJobParameters();
	}

	/** The calls a distributed run's workers share; 0 when they are not shared (a run in one process). */
	static int sharedConcurrency(JobParameters parameters) {
		Long shared = parameters.getLong(SHARED_CONCURRENCY);
		return shared == null ? 0 : shared.intValue();
	}

	/** The partitions of a run: 1 for a run in one process (and for runs of versions before partitions). */
	static int partitions(JobParameters parameters) {
		Long partitions = parameters.getLong(PARTITIONS);
		return partitions == null ? 1 : partitions.intValue();
	}

}
