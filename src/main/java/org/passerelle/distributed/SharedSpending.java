package org.passerelle.distributed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.passerelle.llm.SpendingCap;

/**
 * The spending account of one execution of a distributed run, one row in {@code PASSERELLE_RUN_SPENDING}
 * that all its workers add to: the tokens billed so far, the estimates of the calls in flight, and whether
 * the cap was reached. Each reservation locks the row ({@code FOR UPDATE}), so two workers never both take
 * the last room under the cap. Kept per execution, as a run's cap is: a restart starts a new account.
 * A worker that dies leaves its estimates held: the run then stops a little early, never late.
 */
final class SharedSpending implements SpendingCap.SharedAccount, AutoCloseable {

	private final Connection connection;

	private final long execution;

	SharedSpending(DataSource dataSource, long jobExecutionId) throws SQLException {
		this.execution = jobExecutionId;
		this.connection = dataSource.getConnection();
		try (PreparedStatement open = connection.prepareStatement(
				"INSERT INTO PASSERELLE_RUN_SPENDING (JOB_EXECUTION_ID) VALUES (?) ON CONFLICT DO NOTHING")) {
			connection.setAutoCommit(true);
			open.setLong(1, execution);
			open.executeUpdate();
			connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public synchronized boolean reserve(long newInput, long newOutput, long estimatedTokens, SpendingCap.Over over) {
		try {
			boolean reached;
			long input;
			long output;
			long reserved;
			try (PreparedStatement account = connection.prepareStatement("SELECT INPUT_TOKENS, OUTPUT_TOKENS, "
					+ "RESERVED_TOKENS, REACHED FROM PASSERELLE_RUN_SPENDING WHERE JOB_EXECUTION_ID = ? FOR UPDATE")) {
				account.setLong(1, execution);
				try (ResultSet row = account.executeQuery()) {
					row.next();
					input = row.getLong(1) + newInput;
					output = row.getLong(2) + newOutput;
					reserved = row.getLong(3);
					reached = row.getBoolean(4);
				}
			}
			boolean fits = !reached && !over.test(input, output, reserved + estimatedTokens);
			update(newInput, newOutput, fits ? estimatedTokens : 0, !fits);
			connection.commit();
			return fits;
		}
		catch (SQLException ex) {
			rollback();
			throw unreachable(ex);
		}
	}

	@Override
	public synchronized void release(long newInput, long newOutput, long estimatedTokens) {
		commitOrFail(() -> update(newInput, newOutput, -estimatedTokens, false));
	}

	/**
	 * Adds what was billed outside the workers (the manager's requests before the partitions), and marks
	 * the cap reached if it was reached there.
	 */
	synchronized void carry(long input, long output, boolean reached) {
		commitOrFail(() -> update(input, output, 0, reached));
	}

	private interface Change {

		void apply() throws SQLException;

	}

	/** One change of the account, committed, or rolled back and told as the run's failure. */
	private void commitOrFail(Change change) {
		try {
			change.apply();
			connection.commit();
		}
		catch (SQLException ex) {
			rollback();
			throw unreachable(ex);
		}
	}

	private static IllegalStateException unreachable(SQLException ex) {
		return new IllegalStateException("cannot reach the run's spending account in the database: " + ex.getMessage(), ex);
	}

	private void update(long newInput, long newOutput, long reservedChange, boolean reached) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE PASSERELLE_RUN_SPENDING SET "
				+ "INPUT_TOKENS = INPUT_TOKENS + ?, OUTPUT_TOKENS = OUTPUT_TOKENS + ?, "
				+ "RESERVED_TOKENS = RESERVED_TOKENS + ?, REACHED = REACHED OR ? WHERE JOB_EXECUTION_ID = ?")) {
			update.setLong(1, newInput);
			update.setLong(2, newOutput);
			update.setLong(3, reservedChange);
			update.setBoolean(4, reached);
			update.setLong(5, execution);
			update.executeUpdate();
		}
	}

	private void rollback() {
		try {
			connection.rollback();
		}
		catch (SQLException ignored) {
			// the connection is broken: closing it ends the transaction too
		}
	}

	@Override
	public synchronized void close() throws SQLException {
		connection.close();
	}

}
