package org.passerelle.distributed;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.passerelle.batch.WorkerSteps;
import org.passerelle.llm.SpendingCap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's side of a distributed run, as Spring Batch's polling {@code MessageChannelPartitionHandler}
 * does it: one {@link StepExecutionRequest} per partition on the request channel, then the job repository
 * polled until no partition is running. What it adds is the dead-worker rule: a partition whose worker
 * has not beaten for {@code heartbeatTimeout}, or that a worker gave back when it was stopped on its own,
 * is put back on the queue within the same run; the next worker resumes it from its last committed chunk.
 * Partitions stopped because the whole run was stopped are left stopped, for {@code restart}.
 */
class HeartbeatPartitionHandler extends AbstractPartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(HeartbeatPartitionHandler.class);

	private final MessageChannel requests;

	private final JobRepository jobRepository;

	private final WorkerRegistry workers;

	private final Duration pollInterval;

	private final Duration heartbeatTimeout;

	private final Supplier<LocalDateTime> now;

	private final SpendingCap cap;

	private final DataSource dataSource;

	HeartbeatPartitionHandler(MessageChannel requests, JobRepository jobRepository, WorkerRegistry workers,
			Duration pollInterval, Duration heartbeatTimeout, SpendingCap cap, DataSource dataSource) {
		this.requests = requests;
		this.cap = cap;
		this.dataSource = dataSource;
		this.jobRepository = jobRepository;
		this.workers = workers;
		this.pollInterval = pollInterval;
		this.heartbeatTimeout = heartbeatTimeout;
		this.now = LocalDateTime::now;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		carrySpendingSoFar(manager.getJobExecution());
		for (StepExecution partition : partitions) {
			send(partition.getId());
		}
		log.info("run {}: {} partition(s) waiting for workers", manager.getJobExecutionId(), partitions.size());
		while (true) {
			Thread.sleep(pollInterval.toMillis());
			Set<StepExecution> current = new HashSet<>();
			for (StepExecution partition : partitions) {
				current.add(jobRepository.getStepExecution(partition.getId()));
			}
			boolean runStopping = stopping(manager.getJobExecutionId());
			Map<Long, WorkerRegistry.Worker> holders = workers.holders();
			boolean waiting = false;
			for (StepExecution partition : current) {
				WorkerRegistry.Worker holder = holders.get(partition.getId());
				if (partition.getStatus().isRunning()) {
					waiting = true;
					if (holder != null && !holder.answering(heartbeatTimeout) && !runStopping) {
						log.warn("worker {} (host {}, pid {}) has not answered for {} s; {} goes to another worker",
								holder.id(), holder.host(), holder.pid(), holder.silence().toSeconds(),
								partition.getStepName());
						workers.dispossess(holder.id(), partition.getId());
						send(partition.getId());
					}
				}
				else if (partition.getStatus() == BatchStatus.STOPPED && !runStopping
						&& partition.getExecutionContext().containsKey(WorkerSteps.GIVEN_BACK)) {
					log.info("{} was given back by a worker that stopped; it goes to another worker",
							partition.getStepName());
					waiting = true;
					requeue(partition);
				}
			}
			if (!waiting) {
				return current;
			}
		}
	}

	/**
	 * The workers share the run's spending account: what this manager spent before them (the changes sent
	 * together) goes in first, and so does a cap reached there, so that no worker spends it again.
	 */
	private void carrySpendingSoFar(JobExecution job) throws java.sql.SQLException {
		if (!cap.isSet()) {
			return;
		}
		long[] billed = WorkerSteps.billedBeforePartitions(job);
		try (SharedSpending account = new SharedSpending(dataSource, job.getId())) {
			account.carry(billed[0], billed[1], cap.reached());
		}
	}

	private boolean stopping(long jobExecutionId) {
		JobExecution job = jobRepository.getJobExecution(jobExecutionId);
		return job == null || job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED;
	}

	/** A partition given back is waiting again: so marked before its request is sent, so that it is sent once. */
	private void requeue(StepExecution partition) {
		partition.getExecutionContext().remove(WorkerSteps.GIVEN_BACK);
		partition.setStatus(BatchStatus.STARTING);
		// or the next worker's run ends with the STOPPED exit status kept, and the job takes it for a failure
		partition.setExitStatus(ExitStatus.EXECUTING);
		partition.setLastUpdated(now.get());
		jobRepository.update(partition);
		jobRepository.updateExecutionContext(partition);
		send(partition.getId());
	}

	private void send(long stepExecutionId) {
		requests.send(MessageBuilder.withPayload(new StepExecutionRequest(WorkerSteps.STEP_NAME, stepExecutionId)).build());
	}

}
