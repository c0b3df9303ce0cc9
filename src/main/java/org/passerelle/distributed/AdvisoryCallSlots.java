package org.passerelle.distributed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * The calls in flight of a whole distributed run, shared by its workers: {@code slots} PostgreSQL
 * session advisory locks keyed by the run (its job instance) and a slot number, held on one connection
 * of this worker for as long as its call is in flight. A worker that dies loses its session and so its
 * slots at once; no lease has to run out. The two-number form of the key keeps these locks apart from
 * the run guard's, which use one number.
 */
final class AdvisoryCallSlots implements AutoCloseable {

	/** How often a call that found every slot taken looks again. */
	private static final Duration RETRY = Duration.ofMillis(20);

	private final Connection connection;

	private final int run;

	private final int slots;

	AdvisoryCallSlots(DataSource dataSource, long jobInstanceId, int slots) throws SQLException {
		this.connection = dataSource.getConnection();
		this.connection.setAutoCommit(true);
		this.run = (int) jobInstanceId;
		this.slots = slots;
	}

	/** Waits for a slot free in the whole run; closing the slot gives it back. */
	AutoCloseable take() throws InterruptedException {
		while (true) {
			Integer slot = tryTake();
			if (slot != null) {
				return () -> release(slot);
			}
			Thread.sleep(RETRY.toMillis());
		}
	}

	private synchronized Integer tryTake() {
		int first = ThreadLocalRandom.current().nextInt(slots);
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			for (int i = 0; i < slots; i++) {
				int slot = (first + i) % slots;
				lock.setInt(1, run);
				lock.setInt(2, slot);
				try (ResultSet result = lock.executeQuery()) {
					if (result.next() && result.getBoolean(1)) {
						return slot;
					}
				}
			}
			return null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot take a call slot of the run in the database: " + ex.getMessage(), ex);
		}
	}

	private synchronized void release(int slot) throws SQLException {
		try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			unlock.setInt(1, run);
			unlock.setInt(2, slot);
			unlock.executeQuery().close();
		}
	}

	/** Gives back every slot still held: the session's advisory locks end with it. */
	@Override
	public synchronized void close() throws SQLException {
		try (PreparedStatement unlockAll = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
			unlockAll.executeQuery().close();
		}
		finally {
			connection.close();
		}
	}

}
