package org.passerelle.distributed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workers of the shared history, one row each in {@code PASSERELLE_WORKER}: who it is (host, pid),
 * the partition it holds, and its last heartbeat. Heartbeats are stamped and aged with the database's
 * clock, so hosts whose clocks disagree still agree on who stopped answering.
 */
class WorkerRegistry {

	/** A worker as the table shows it: its partition (null when idle) and how long since it last beat. */
	record Worker(String id, String host, long pid, Long stepExecutionId, Duration silence) {

		boolean answering(Duration timeout) {
			return silence.compareTo(timeout) <= 0;
		}

	}

	private final JdbcClient jdbc;

	WorkerRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void register(String id, String host, long pid) {
		jdbc.sql("INSERT INTO PASSERELLE_WORKER (WORKER_ID, HOST, PID, STARTED_AT, BEAT_AT) "
				+ "VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(id, host, pid)
			.update();
	}

	void beat(String id) {
		jdbc.sql("UPDATE PASSERELLE_WORKER SET BEAT_AT = CURRENT_TIMESTAMP WHERE WORKER_ID = ?").param(id).update();
	}

	/** Called in the transaction that takes the partition's request off the queue. */
	void claim(String id, long stepExecutionId) {
		jdbc.sql("UPDATE PASSERELLE_WORKER SET STEP_EXECUTION_ID = ?, BEAT_AT = CURRENT_TIMESTAMP WHERE WORKER_ID = ?")
			.params(stepExecutionId, id)
			.update();
	}

	void release(String id) {
		jdbc.sql("UPDATE PASSERELLE_WORKER SET STEP_EXECUTION_ID = NULL, BEAT_AT = CURRENT_TIMESTAMP WHERE WORKER_ID = ?")
			.param(id)
			.update();
	}

	/** A worker's partition was handed to another: the dead one no longer holds it, but stays listed as silent. */
	void dispossess(String id, long stepExecutionId) {
		jdbc.sql("UPDATE PASSERELLE_WORKER SET STEP_EXECUTION_ID = NULL WHERE WORKER_ID = ? AND STEP_EXECUTION_ID = ?")
			.params(id, stepExecutionId)
			.update();
	}

	/** Whether this worker holds the partition and it is running. */
	boolean holdsRunning(String id, long stepExecutionId) {
		String status = jdbc.sql("SELECT s.STATUS FROM BATCH_STEP_EXECUTION s JOIN PASSERELLE_WORKER w"
				+ " ON w.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID WHERE s.STEP_EXECUTION_ID = ? AND w.WORKER_ID = ?")
			.params(stepExecutionId, id)
			.query(String.class)
			.optional()
			.orElse(null);
		return status != null && BatchStatus.valueOf(status).isRunning();
	}

	/**
	 * What a worker about to hold a partition must know, with the partition's row locked until the
	 * transaction ends: taking a request and taking a partition back both ask this first, so two workers
	 * never both come to hold it.
	 *
	 * @param started whether it is being run (STARTED: not handed out again by a restart, nor given back
	 * and queued again)
	 * @param heldByAnother whether a worker other than this one holds it
	 */
	record Hold(boolean started, boolean heldByAnother) {
	}

	Hold lockPartition(String id, long stepExecutionId) {
		return jdbc.sql("SELECT s.STATUS, (SELECT COUNT(*) FROM PASSERELLE_WORKER w WHERE w.STEP_EXECUTION_ID ="
				+ " s.STEP_EXECUTION_ID AND w.WORKER_ID <> ?) AS OTHERS FROM BATCH_STEP_EXECUTION s"
				+ " WHERE s.STEP_EXECUTION_ID = ? FOR UPDATE")
			.params(id, stepExecutionId)
			.query((row, number) -> new Hold(BatchStatus.STARTED.name().equals(row.getString("STATUS")),
					row.getLong("OTHERS") > 0))
			.optional()
			.orElse(new Hold(false, false));
	}

	/** A worker stopped cleanly: it leaves the list. */
	void unregister(String id) {
		jdbc.sql("DELETE FROM PASSERELLE_WORKER WHERE WORKER_ID = ?").param(id).update();
	}

	List<Worker> all() {
		return jdbc.sql("SELECT WORKER_ID, HOST, PID, STEP_EXECUTION_ID, "
				+ "EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - BEAT_AT)) AS SILENCE FROM PASSERELLE_WORKER ORDER BY STARTED_AT")
			.query((row, number) -> new Worker(row.getString("WORKER_ID"), row.getString("HOST"), row.getLong("PID"),
					(Long) row.getObject("STEP_EXECUTION_ID", Long.class),
					Duration.ofMillis(Math.round(row.getDouble("SILENCE") * 1000))))
			.list();
	}

	/** Who holds each partition now, by step execution id. */
	Map<Long, Worker> holders() {
		Map<Long, Worker> holders = new HashMap<>();
		for (Worker worker : all()) {
			if (worker.stepExecutionId() != null) {
				holders.put(worker.stepExecutionId(), worker);
			}
		}
		return holders;
	}

}
