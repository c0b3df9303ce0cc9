package org.passerelle.distributed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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

	private final WorkerRegistry workers;

	private final TransactionTemplate transaction;

	private final long stepExecutionId;

	private final String workerId;

	PartitionLease(WorkerRegistry workers, TransactionTemplate transaction, long stepExecutionId, String workerId) {
		this.workers = workers;
		this.transaction = transaction;
		this.stepExecutionId = stepExecutionId;
		this.workerId = workerId;
	}

	boolean lost() {
		try {
			return !workers.holdsRunning(workerId, stepExecutionId)
					&& !Boolean.TRUE.equals(transaction.execute(status -> takeBack()));
		}
		catch (DataAccessException | TransactionException ex) {
			// no call refused for a moment's outage: the commit's version check still stops a partition taken away
			log.warn("could not check that partition {} is still running: {}", stepExecutionId, ex.getMessage());
			return false;
		}
	}

	/**
	 * Taken from this worker after a silence, but still being run and held by no other worker: this
	 * worker holds it again.
	 */
	private boolean takeBack() {
		WorkerRegistry.Hold hold = workers.lockPartition(workerId, stepExecutionId);
		if (!hold.started() || hold.heldByAnother()) {
			return false;
		}
		workers.claim(workerId, stepExecutionId);
		log.info("partition {} taken back: the manager thought this worker gone, and no other worker had taken it",
				stepExecutionId);
		return true;
	}

}
