package org.passerelle.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Copies a whole history (Spring Batch's runs and the article ledger) from one database into another
 * whose schema is current and which holds no history yet: a team moving from the work directory's file
 * to a server keeps its ledger, so nothing is translated twice. One transaction on the target: it gets
 * all of it or nothing. Spring Batch's id sequences are moved past the copied ids.
 */
public final class HistoryCopy {

	/** In the order their foreign keys need. */
	private static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
			"BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
			"BATCH_STEP_EXECUTION_CONTEXT", "PASSERELLE_ARTICLE");

	private static final Map<String, String> SEQUENCES = Map.of("BATCH_JOB_INSTANCE_SEQ",
			"SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION_SEQ",
			"SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION_SEQ",
			"SELECT MAX(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION");

	private static final int BATCH = 500;

	private HistoryCopy() {
	}

	/** Rows copied, by table. */
	public static Map<String, Long> copy(DataSource source, DataSource target) {
		try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
			requireEmpty(to);
			to.setAutoCommit(false);
			try {
				Map<String, Long> copied = new LinkedHashMap<>();
				for (String table : TABLES) {
					copied.put(table, copyTable(from, to, table));
				}
				moveSequences(to);
				to.commit();
				return copied;
			}
			catch (SQLException | RuntimeException ex) {
				to.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the history could not be copied: " + ex.getMessage(), ex);
		}
	}

	private static void requireEmpty(Connection to) throws SQLException {
		long runs = count(to, "BATCH_JOB_INSTANCE");
		long articles = count(to, "PASSERELLE_ARTICLE");
		if (runs + articles > 0) {
			throw new HistorySetupException("--to: that database already holds a history (" + runs + " runs, " + articles
					+ " ledger rows); copy-history only fills an empty one, so that no run or article is there twice");
		}
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static long copyTable(Connection from, Connection to, String table) throws SQLException {
		try (Statement read = from.createStatement(); ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
			ResultSetMetaData meta = rows.getMetaData();
			List<String> columns = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnName(i));
			}
			String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
					+ String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
			long copied = 0;
			try (PreparedStatement write = to.prepareStatement(insert)) {
				while (rows.next()) {
					for (int i = 1; i <= columns.size(); i++) {
						write.setObject(i, rows.getObject(i));
					}
					write.addBatch();
					if (++copied % BATCH == 0) {
						write.executeBatch();
					}
				}
				write.executeBatch();
			}
			return copied;
		}
	}

	private static void moveSequences(Connection to) throws SQLException {
		for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
			long max;
			try (Statement statement = to.createStatement(); ResultSet result = statement.executeQuery(sequence.getValue())) {
				result.next();
				max = result.getLong(1);
			}
			if (max > 0) {
				try (PreparedStatement move = to.prepareStatement("SELECT setval(?, ?)")) {
					move.setString(1, sequence.getKey().toLowerCase(java.util.Locale.ROOT));
					move.setLong(2, max);
					move.execute();
				}
			}
		}
	}

}
