package org.passerelle.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.passerelle.batch.WorkerSteps;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What {@code status} says of a distributed run: its partitions, who holds them, and workers gone silent. */
public class DistributedStatus {

	/**
	 * One partition of a run as the history has it now.
	 *
	 * @param read articles it has read so far, over the run and its restarts (done, failed or left alone as up to date)
	 * @param articles the articles of the folder that fall in it
	 * @param worker the worker holding it ("host pid"), or null when none does
	 */
	public record Partition(String name, String status, long read, long articles, String worker, boolean answering) {
	}

	private final JobRepository jobRepository;

	private final WorkerRegistry workers;

	private final Duration heartbeatTimeout;

	/** What {@code status} reads of the distributed runs in this repository and the workers' table on this data source. */
	public static DistributedStatus of(JobRepository jobRepository, DataSource dataSource, Duration heartbeatTimeout) {
		// the worker table is made by the history's migrations (PostgreSQL's version 17)
		return new DistributedStatus(jobRepository, new WorkerRegistry(JdbcClient.create(dataSource)), heartbeatTimeout);
	}

	DistributedStatus(JobRepository jobRepository, WorkerRegistry workers, Duration heartbeatTimeout) {
		this.jobRepository = jobRepository;
		this.workers = workers;
		this.heartbeatTimeout = heartbeatTimeout;
	}

	/** The partitions of a run, by name; empty for a run in one process. */
	public List<Partition> partitions(long executionId) {
		JobExecution execution = jobRepository.getJobExecution(executionId);
		if (execution == null || WorkerSteps.partitions(execution.getJobParameters()) <= 1) {
			return List.of();
		}
		Map<Long, WorkerRegistry.Worker> holders = workers.holders();
		Map<String, StepExecution> latest = new TreeMap<>(Comparator.comparingInt(DistributedStatus::index));
		Map<String, Long> read = new TreeMap<>();
		// a restarted run resumes its partitions where the earlier executions of its instance left them
		for (JobExecution attempt : jobRepository.getJobExecutions(execution.getJobInstance())) {
			if (attempt.getId() > executionId) {
				continue;
			}
			for (StepExecution step : attempt.getStepExecutions()) {
				if (step.getStepName().startsWith(WorkerSteps.STEP_NAME + ":")) {
					latest.merge(step.getStepName(), step, (one, other) -> one.getId() > other.getId() ? one : other);
					read.merge(step.getStepName(), step.getReadCount(), Long::sum);
				}
			}
		}
		List<Partition> partitions = new ArrayList<>();
		latest.forEach((name, step) -> {
			WorkerRegistry.Worker holder = step.getStatus().isRunning() ? holders.get(step.getId()) : null;
			partitions.add(new Partition(name.substring(name.indexOf(':') + 1), step.getStatus().name(), read.get(name),
					step.getExecutionContext().getLong(ArticlePartitioner.ARTICLES, 0L),
					holder == null ? null : holder.host() + " pid " + holder.pid(),
					holder == null || holder.answering(heartbeatTimeout)));
		});
		return partitions;
	}

	/** Workers whose last heartbeat is older than the timeout: dead, or cut off from the database. */
	public List<String> silentWorkers() {
		return workers.all()
			.stream()
			.filter(worker -> !worker.answering(heartbeatTimeout))
			.map(worker -> worker.host() + " pid " + worker.pid() + ", silent for " + worker.silence().toSeconds() + " s")
			.toList();
	}

	private static int index(String stepName) {
		String digits = stepName.replaceAll("\\D", "");
		return digits.isEmpty() ? 0 : Integer.parseInt(digits.length() > 9 ? digits.substring(0, 9) : digits);
	}

}
