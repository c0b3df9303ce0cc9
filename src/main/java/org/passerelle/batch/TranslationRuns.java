package org.passerelle.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.RunGuard;
import org.passerelle.ledger.ArticleLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/** Starts translation runs and reads their history from the job repository. */
@Component
public class TranslationRuns {

	private static final Logger log = LoggerFactory.getLogger(TranslationRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job translateArticlesJob;

	private final Clock clock;

	private final ArticleLedger ledger;

	private final PasserelleProperties properties;

	private final RunGuard runGuard;

	TranslationRuns(JobOperator jobOperator, JobRepository jobRepository, Job translateArticlesJob, Clock clock,
			ArticleLedger ledger, PasserelleProperties properties, RunGuard runGuard) {
		this.properties = properties;
		this.runGuard = runGuard;
		this.ledger = ledger;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.translateArticlesJob = translateArticlesJob;
		this.clock = clock;
	}

	/** Runs the job to its end in this thread and says what it did; a glossary that cannot be used stops it first. */
	public RunSummary run(RunRequest request) throws Exception {
		ArticleQuality quality = ArticleQuality.forInput(properties, request.inputDir());
		quality.glossary().file().ifPresent(file -> log.info("glossary: {} entries from {}",
				quality.glossary().entries().size(), file));
		try (RunGuard.Hold folder = runGuard.hold(request.inputDir())) {
			recoverDeadExecutions(RunGuard.key(request.inputDir()));
			JobExecution execution = jobOperator.start(translateArticlesJob, RunParameters.of(request, clock, properties));
			return summarize(execution);
		}
	}

	/** What a {@code retry-failed} found in the ledger, and the runs it started to send it again. */
	public record Retry(long found, List<RunSummary> runs) {

		public long sent() {
			return runs.stream().mapToLong(run -> run.read() - run.gone()).sum();
		}

		public long gone() {
			return runs.stream().mapToLong(RunSummary::gone).sum();
		}

	}

	/**
	 * Sends again every article whose last attempt failed, each from the input folder it came from into
	 * the output folder it was going to, one run per pair of folders. {@code inputDir} and
	 * {@code outputDir}, when given, narrow it to the failures of those folders.
	 */
	public Retry retryFailed(Path inputDir, Path outputDir, LocalDate date) throws Exception {
		List<RunSummary> done = new ArrayList<>();
		long found = 0;
		for (ArticleLedger.FailedFolder folder : ledger.failedFolders()) {
			if (!matches(inputDir, folder.inputDir()) || !matches(outputDir, folder.outputDir())) {
				continue;
			}
			if (folder.outputDir() == null || folder.inputDir().isEmpty()) {
				log.warn("{} failed article(s) recorded before folders were kept cannot be placed; rerun them with 'run'",
						folder.failed());
				continue;
			}
			found += folder.failed();
			log.info("retrying {} failed article(s) from {} into {}", folder.failed(), folder.inputDir(), folder.outputDir());
			done.add(run(new RunRequest(Path.of(folder.inputDir()), Path.of(folder.outputDir()), date, false, true)));
		}
		return new Retry(found, done);
	}

	private static boolean matches(Path asked, String recorded) {
		return asked == null || recorded != null && asked.toAbsolutePath().normalize().toString().equals(recorded);
	}

	/**
	 * Resumes a FAILED or STOPPED execution from its last committed chunk: the given one, or else the most
	 * recent one. Empty when there is nothing to resume.
	 */
	public Optional<RunSummary> restart(Long executionId) throws Exception {
		JobExecution target = restartTarget(executionId);
		if (target == null) {
			return Optional.empty();
		}
		String inputDir = target.getJobParameters().getString(RunParameters.INPUT_DIR);
		try (RunGuard.Hold folder = runGuard.hold(Path.of(inputDir))) {
			recoverDeadExecutions(inputDir);
			target = jobRepository.getJobExecution(target.getId());
			if (!isRestartable(target.getStatus())) {
				return Optional.empty();
			}
			return Optional.of(summarize(jobOperator.restart(target)));
		}
	}

	private JobExecution restartTarget(Long executionId) {
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
		// a run left STARTED is restartable once it is known to be dead, which takes its folder's lock
		return target == null || !isRestartable(target.getStatus()) && target.getStatus() != BatchStatus.STARTED
				&& target.getStatus() != BatchStatus.STARTING ? null : target;
	}

	/** Asks the execution this process is running, if any, to stop at the end of its current chunk. */
	public void stopRunning() {
		for (JobExecution running : jobRepository.findRunningJobExecutions(TranslateArticlesJobConfiguration.JOB_NAME)) {
			if (!runGuard.holdsHere(running.getJobParameters().getString(RunParameters.INPUT_DIR))) {
				continue; // another host's run, in a shared history
			}
			try {
				jobOperator.stop(running);
			}
			catch (Exception ex) {
				// it ended on its own meanwhile
			}
		}
	}

	/**
	 * An execution still marked STARTED on the folder this run holds, or on a folder no live run holds
	 * (with an HSQLDB file, this process holds them all), was left by a process that died (kill -9, power
	 * cut, a server gone mid-run): mark it FAILED so that it can be restarted.
	 */
	private void recoverDeadExecutions(String heldFolder) {
		for (JobExecution running : jobRepository.findRunningJobExecutions(TranslateArticlesJobConfiguration.JOB_NAME)) {
			String inputDir = running.getJobParameters().getString(RunParameters.INPUT_DIR);
			Runnable recover = () -> {
				JobExecution dead = jobRepository.getJobExecution(running.getId());
				if (dead != null && dead.isRunning()) {
					log.warn("execution {} was left running by a process that ended abruptly; marking it FAILED so it "
							+ "can be restarted", dead.getId());
					jobOperator.recover(dead);
				}
			};
			if (heldFolder.equals(inputDir)) {
				recover.run();
			}
			else {
				runGuard.ifFree(inputDir, recover);
			}
		}
	}

	private static boolean isRestartable(BatchStatus status) {
		return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
	}

	/**
	 * The articles of the folder a step stopped at the cap had not read yet: after its last one in reading
	 * order, and for a partition of a distributed run only its own share, as its reader would read them.
	 */
	private static long unreadAfter(String inputDir, ExecutionContext context) {
		if (inputDir == null || !Files.isDirectory(Path.of(inputDir))) {
			return 0;
		}
		SourceFileReader reader = new SourceFileReader(Path.of(inputDir))
			.inPartition(intOrNull(context, PartitionKey.INDEX), intOrNull(context, PartitionKey.COUNT));
		return reader.counter(reader.resumeAfter(context)).getAsLong();
	}

	private static Integer intOrNull(ExecutionContext context, String key) {
		return context.get(key) instanceof Number number ? number.intValue() : null;
	}

	/** The executions of the same run (job instance) before this one: those a restart resumed. */
	public List<Long> earlierExecutions(long executionId) {
		JobExecution execution = jobRepository.getJobExecution(executionId);
		if (execution == null) {
			return List.of();
		}
		return jobRepository.getJobExecutions(execution.getJobInstance()).stream()
			.map(JobExecution::getId)
			.filter(id -> id < executionId)
			.toList();
	}

	/** The most recent executions, newest first. */
	public List<RunSummary> recent(int limit) {
		return recent(jobRepository, limit);
	}

	/** The most recent executions in this repository, newest first: all that {@link RunHistory} needs. */
	static List<RunSummary> recent(JobRepository jobRepository, int limit) {
		List<RunSummary> runs = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(TranslateArticlesJobConfiguration.JOB_NAME, 0, limit)) {
			for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
				runs.add(summarize(jobRepository, execution));
			}
		}
		runs.sort(Comparator.comparingLong(RunSummary::executionId).reversed());
		return runs.size() > limit ? runs.subList(0, limit) : runs;
	}

	private RunSummary summarize(JobExecution execution) {
		return summarize(jobRepository, execution);
	}

	private static RunSummary summarize(JobRepository jobRepository, JobExecution execution) {
		if (RunParameters.partitions(execution.getJobParameters()) <= 1) {
			return summarize(execution, execution.getAllFailureExceptions());
		}
		// the partitions ran in other processes: their counts are in the repository, not in this copy
		JobExecution stored = jobRepository.getJobExecution(execution.getId());
		return summarize(stored == null ? execution : stored, execution.getAllFailureExceptions());
	}

	private static RunSummary summarize(JobExecution execution, List<Throwable> errors) {
		long read = 0;
		long written = 0;
		long unchanged = 0;
		long failed = 0;
		long gone = 0;
		long deferred = 0;
		String capReached = null;
		java.util.Map<String, Integer> skipped = java.util.Map.of();
		long inputTokens = 0;
		long outputTokens = 0;
		long batchInputTokens = 0;
		long batchOutputTokens = 0;
		long retries = 0;
		long fromMemory = 0;
		long savedInput = 0;
		long savedOutput = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			if (TranslateArticlesJobConfiguration.MANAGER_STEP_NAME.equals(step.getStepName())) {
				continue; // the sum of its partitions, counted one by one below
			}
			fromMemory += step.getExecutionContext().getLong(MemoryTally.PARAGRAPHS, 0L);
			savedInput += step.getExecutionContext().getLong(MemoryTally.SAVED_INPUT, 0L);
			savedOutput += step.getExecutionContext().getLong(MemoryTally.SAVED_OUTPUT, 0L);
			retries += step.getExecutionContext().getLong(ProviderRetryPolicy.RETRIES, 0L);
			read += step.getReadCount();
			written += step.getWriteCount();
			long goneHere = step.getExecutionContext().getLong(FailedArticleRecorder.GONE, 0L);
			long deferredHere = step.getExecutionContext().getLong(DeferredArticles.KEY + ".count", 0L);
			gone += goneHere;
			if (step.getExecutionContext().containsKey(BilledTokens.CAP_REACHED)) {
				capReached = step.getExecutionContext().getString(BilledTokens.CAP_REACHED);
				deferredHere += unreadAfter(execution.getJobParameters().getString(RunParameters.INPUT_DIR),
						step.getExecutionContext());
			}
			deferred += deferredHere;
			// gone and deferred articles are filtered out too, but they were not left alone as up to date
			unchanged += step.getFilterCount() - goneHere
					- step.getExecutionContext().getLong(DeferredArticles.KEY + ".count", 0L);
			skipped = SourceFileReader.parse(step.getExecutionContext()
				.getString(SourceFileReader.NAME + "." + SourceFileReader.SKIPPED, ""));
			failed += step.getSkipCount();
			inputTokens += step.getExecutionContext().getLong(BilledTokens.INPUT, 0L);
			outputTokens += step.getExecutionContext().getLong(BilledTokens.OUTPUT, 0L);
			batchInputTokens += step.getExecutionContext().getLong(BilledTokens.BATCH_INPUT, 0L);
			batchOutputTokens += step.getExecutionContext().getLong(BilledTokens.BATCH_OUTPUT, 0L);
		}
		return new RunSummary(execution.getId(), execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE),
				execution.getStartTime(), execution.getEndTime(), execution.getStatus().name(),
				execution.getJobParameters().getString(RunParameters.INPUT_DIR),
				execution.getJobParameters().getString(RunParameters.OUTPUT_DIR), read, written, unchanged, failed, gone,
				skipped, deferred, capReached, retries, inputTokens, outputTokens, batchInputTokens, batchOutputTokens,
				errors, fromMemory, savedInput, savedOutput);
	}

}
