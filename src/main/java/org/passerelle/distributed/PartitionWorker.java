package org.passerelle.distributed;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.passerelle.batch.WorkerSteps;
import org.passerelle.llm.ProviderLimits;
import org.passerelle.llm.SpendingCap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker process: takes partition requests of any run off the queue one at a time and runs each, as
 * Spring Batch's {@code StepExecutionRequestHandler} does, with the very step a local run uses. It beats
 * in the workers' table meanwhile. {@link #stop()} (SIGTERM) lets the current chunk commit, then gives the
 * partition back for another worker, or for {@code restart}.
 */
public class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final PollableChannel requests;

	private final WorkerRegistry workers;

	private final JobRepository jobRepository;

	private final Function<String, Step> steps;

	private final TransactionTemplate transaction;

	private final Duration beatInterval;

	private final Duration idlePoll;

	private final ProviderLimits limits;

	private final DataSource dataSource;

	private final SpendingCap cap;

	private final String id;

	private final CountDownLatch stopAsked = new CountDownLatch(1);

	private volatile StepExecution current;

	PartitionWorker(PollableChannel requests, WorkerRegistry workers, JobRepository jobRepository,
			Function<String, Step> steps, TransactionTemplate transaction, Duration beatInterval, Duration idlePoll,
			ProviderLimits limits, SpendingCap cap, DataSource dataSource) {
		this.limits = limits;
		this.cap = cap;
		this.dataSource = dataSource;
		this.requests = requests;
		this.workers = workers;
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.transaction = transaction;
		this.beatInterval = beatInterval;
		this.idlePoll = idlePoll;
		this.id = host() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	public String id() {
		return id;
	}

	/** Takes and runs partitions until {@link #stop()}; returns once the partition in hand is committed or given back. */
	public void runUntilStopped() throws InterruptedException {
		workers.register(id, host(), ProcessHandle.current().pid());
		ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "passerelle-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		heart.scheduleWithFixedDelay(this::beat, beatInterval.toMillis(), beatInterval.toMillis(), TimeUnit.MILLISECONDS);
		log.info("worker {} waiting for partitions", id);
		try {
			while (stopAsked.getCount() > 0) {
				StepExecutionRequest request;
				try {
					request = take();
				}
				catch (RuntimeException ex) {
					// the database away for a moment, or a request this version cannot read: it stays queued
					log.warn("could not take a partition request: {}", ex.toString());
					request = null;
				}
				if (request == null) {
					stopAsked.await(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
					continue;
				}
				try {
					execute(request);
				}
				finally {
					workers.release(id);
				}
			}
		}
		finally {
			heart.shutdownNow();
			workers.unregister(id);
			log.info("worker {} stopped", id);
		}
	}

	/** Asks the worker to stop: the partition in hand ends at the end of its chunk and is given back. */
	public void stop() {
		StepExecution running = current;
		if (running != null) {
			// written with the step's last update, before its status: the manager never sees it stopped unmarked
			running.getExecutionContext().put(WorkerSteps.GIVEN_BACK, id);
			running.setTerminateOnly();
		}
		stopAsked.countDown();
	}

	/** The request and the claim on it commit together: a worker that dies before holds nothing, the request stays queued. */
	private StepExecutionRequest take() {
		return transaction.execute(status -> {
			Message<?> message = requests.receive(0);
			if (message == null) {
				return null;
			}
			StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
			WorkerRegistry.Hold hold = workers.lockPartition(id, request.getStepExecutionId());
			if (hold.started() && hold.heldByAnother()) {
				// sent again while its worker was silent, and that worker took it back: this request is spent
				log.info("partition {} is held by the worker that took it back; its second request is dropped",
						request.getStepExecutionId());
				return null;
			}
			workers.claim(id, request.getStepExecutionId());
			return request;
		});
	}

	private void execute(StepExecutionRequest request) {
		StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			log.warn("partition {} is not in the history any more; left alone", request.getStepExecutionId());
			return;
		}
		if (!partition.getStatus().isRunning()) {
			// sent twice (its worker was thought dead but finished it): nothing left to do
			log.info("{} of run {} is already {}; left alone", partition.getStepName(), partition.getJobExecutionId(),
					partition.getStatus());
			return;
		}
		log.info("worker {} runs {} of run {}", id, partition.getStepName(), partition.getJobExecutionId());
		current = partition;
		try (AutoCloseable shared = shareLimits(partition)) {
			if (stopAsked.getCount() == 0) {
				stop();
			}
			steps.apply(request.getStepName()).execute(partition);
		}
		catch (JobInterruptedException ex) {
			log.info("{} stopped at the end of a chunk", partition.getStepName());
		}
		catch (Exception ex) {
			log.error("{} of run {} failed: {}", partition.getStepName(), partition.getJobExecutionId(), ex.toString());
		}
		finally {
			current = null;
		}
		log.info("{} of run {} ended {} ({} read, {} written)", partition.getStepName(), partition.getJobExecutionId(),
				partition.getStatus(), partition.getReadCount(), partition.getWriteCount());
	}

	/**
	 * The run's limits and spending cap, shared with its other workers while this partition runs: the
	 * manager's settings, whatever this worker's own are.
	 */
	private AutoCloseable shareLimits(StepExecution partition) throws java.sql.SQLException {
		WorkerSteps.RunLimits run = WorkerSteps.runLimits(partition.getJobExecution().getJobParameters());
		PartitionLease lease = new PartitionLease(workers, transaction, partition.getId(), id);
		SharedRunLimits shared = new SharedRunLimits(dataSource, partition.getJobExecution().getJobInstance().getId(), run,
				lease::lost);
		SharedSpending account;
		try {
			account = new SharedSpending(dataSource, partition.getJobExecutionId());
		}
		catch (java.sql.SQLException ex) {
			shared.close();
			throw ex;
		}
		limits.share(shared);
		cap.share(run.spending(), run.prices(), account);
		return () -> {
			limits.share(null);
			try (shared; account) {
				// both given back, even when one of them fails to close
			}
		};
	}

	private void beat() {
		try {
			workers.beat(id);
		}
		catch (RuntimeException ex) {
			log.warn("heartbeat failed: {}", ex.toString());
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "unknown-host";
		}
	}

}
