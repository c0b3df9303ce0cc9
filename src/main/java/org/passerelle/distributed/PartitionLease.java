package org.passerelle.distributed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether the partition a worker runs is still its own: running in the job repository, and held by this
 * worker in the workers' table. Two ways to lose it: the restart of a run whose manager died marks the dead
 * execution's partitions FAILED and hands out new ones for the same articles; and a manager that heard
 * nothing from this worker for the heartbeat timeout (a long pause, a network cut) takes the partition from
 * it and sends it to another. A worker that comes back from such a silence would otherwise go on sending the
 * rest of its chunk while another worker sends the same articles. Asked before each call; the repository's
 * version check then fails the old chunk's commit.
 */
final class PartitionLease {

	private static final Logger log = LoggerFactory.getLogger(PartitionLease.class);

	private final JdbcClient jdbc;

	private final long stepExecutionId;

	private final String workerId;

	PartitionLease(JdbcClient jdbc, long stepExecutionId, String workerId) {
		this.jdbc = jdbc;
		this.stepExecutionId = stepExecutionId;
		this.workerId = workerId;
	}

	boolean lost() {
		try {
			// no row: the partition is gone, or the manager took it from this worker (see WorkerRegistry.dispossess)
			String status = jdbc.sql("SELECT s.STATUS FROM BATCH_STEP_EXECUTION s JOIN PASSERELLE_WORKER w"
					+ " ON w.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID WHERE s.STEP_EXECUTION_ID = ? AND w.WORKER_ID = ?")
				.params(stepExecutionId, workerId)
				.query(String.class)
				.optional()
				.orElse(null);
			return status == null || !BatchStatus.valueOf(status).isRunning();
		}
		catch (DataAccessException ex) {
			// no call refused for a moment's outage: the commit's version check still stops a partition taken away
			log.warn("could not check that partition {} is still running: {}", stepExecutionId, ex.getMessage());
			return false;
		}
	}

}
