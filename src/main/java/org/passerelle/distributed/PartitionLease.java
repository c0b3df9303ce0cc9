package org.passerelle.distributed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the partition a worker runs is still its own: running in the job repository, and held by this
 * worker in the workers' table. Two ways to lose it: the restart of a run whose manager died marks the dead
 * execution's partitions FAILED and hands out new ones for the same articles; and a manager that heard
 * nothing from this worker for the heartbeat timeout (a long pause, a network cut) takes the partition from
 * it and sends it to another. A worker that comes back from such a silence takes its partition back if no
 * other worker has it yet (the request the manager sent again is then dropped by whoever takes it);
 * otherwise it sends nothing more for it, while the other worker goes on. Asked before each call; the
 * repository's version check then fails the old chunk's commit.
 */
final class PartitionLease {

	private static final Logger log = LoggerFactory.getLogger(PartitionLease.class);

	private final JdbcClient jdbc;

	private final WorkerRegistry workers;

	private final TransactionTemplate transaction;

	private final long stepExecutionId;

	private final String workerId;

	PartitionLease(JdbcClient jdbc, WorkerRegistry workers, TransactionTemplate transaction, long stepExecutionId,
			String workerId) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.transaction = transaction;
		this.stepExecutionId = stepExecutionId;
		this.workerId = workerId;
	}

	boolean lost() {
		try {
			return !holds() && !Boolean.TRUE.equals(transaction.execute(status -> takeBack()));
		}
		catch (DataAccessException | TransactionException ex) {
			// no call refused for a moment's outage: the commit's version check still stops a partition taken away
			log.warn("could not check that partition {} is still running: {}", stepExecutionId, ex.getMessage());
			return false;
		}
	}

	/** Running, and held by this worker. */
	private boolean holds() {
		String status = jdbc.sql("SELECT s.STATUS FROM BATCH_STEP_EXECUTION s JOIN PASSERELLE_WORKER w"
				+ " ON w.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID WHERE s.STEP_EXECUTION_ID = ? AND w.WORKER_ID = ?")
			.params(stepExecutionId, workerId)
			.query(String.class)
			.optional()
			.orElse(null);
		return status != null && BatchStatus.valueOf(status).isRunning();
	}

	/**
	 * Taken from this worker after a silence, but still being run (STARTED: not handed out again by a
	 * restart, nor given back and queued again) and held by no other worker: this worker holds it again.
	 */
	private boolean takeBack() {
		String status = workers.lockPartition(stepExecutionId);
		if (!BatchStatus.STARTED.name().equals(status) || workers.heldByAnother(stepExecutionId, workerId)) {
			return false;
		}
		workers.claim(workerId, stepExecutionId);
		log.info("partition {} taken back: the manager thought this worker gone, and no other worker had taken it",
				stepExecutionId);
		return true;
	}

}
