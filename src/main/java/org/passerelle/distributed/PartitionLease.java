package org.passerelle.distributed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether the partition a worker runs is still running in the job repository. The restart of a run whose
 * manager died marks the dead execution's partitions FAILED and hands out new ones for the same articles;
 * a worker still on an old one would go on sending the rest of its chunk while another worker sends the
 * same articles. Asked before each call; the repository's version check then fails the old chunk's commit.
 */
final class PartitionLease {

	private static final Logger log = LoggerFactory.getLogger(PartitionLease.class);

	private final JdbcClient jdbc;

	private final long stepExecutionId;

	PartitionLease(JdbcClient jdbc, long stepExecutionId) {
		this.jdbc = jdbc;
		this.stepExecutionId = stepExecutionId;
	}

	boolean lost() {
		try {
			String status = jdbc.sql("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")
				.param(stepExecutionId)
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
