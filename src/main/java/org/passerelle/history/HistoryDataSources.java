package org.passerelle.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Opens the history's database: first one plain connection, so that a server that does not answer, a
 * wrong password or a database of another kind is told in one sentence before anything else starts;
 * then the pool the program uses, with its schema brought up to date.
 */
public final class HistoryDataSources {

	/** Worker threads read the ledger while the chunk holds its own connection, and the run guard holds one. */
	private static final int POOL_SIZE = 12;

	private static final int CONNECT_SECONDS = 10;

	private static final long SERVER_WAIT_MILLIS = 5_000;

	private HistoryDataSources() {
	}

	/** A pool on the database, checked and migrated. */
	public static HikariDataSource open(HistoryDatabase database) {
		check(database);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setMaximumPoolSize(POOL_SIZE);
		config.setMinimumIdle(2); // a shared server serves every host: idle connections are not kept for nothing
		config.setPoolName("passerelle-history");
		if (database.shared()) {
			// a server that went away fails the run within seconds, not after minutes of waits for a connection
			config.setConnectionTimeout(SERVER_WAIT_MILLIS);
		}
		HikariDataSource dataSource = new HikariDataSource(config);
		try {
			HistorySchema.migrate(dataSource, database.vendor());
			return dataSource;
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	/**
	 * For a command that only reads, one after the other: a single connection, checked as {@link #open}
	 * checks it, no pool. The schema is migrated only when it lacks a version this program ships, on
	 * connections of Flyway's own.
	 */
	public static SingleConnectionDataSource openForReading(HistoryDatabase database) {
		check(database);
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(), database.user(),
				database.password(), true);
		dataSource.setAutoCommit(true);
		try {
			if (!HistorySchema.current(dataSource, database.vendor())) {
				HistorySchema.migrate(new DriverManagerDataSource(database.url(), database.user(), database.password()),
						database.vendor());
			}
			return dataSource;
		}
		catch (RuntimeException ex) {
			dataSource.destroy();
			throw ex;
		}
	}

	/** Connects once and says, in one sentence naming the setting, why the database cannot be used. */
	static void check(HistoryDatabase database) {
		Properties login = new Properties();
		if (database.user() != null) {
			login.setProperty("user", database.user());
		}
		if (database.password() != null) {
			login.setProperty("password", database.password());
		}
		if (database.vendor() == HistoryDatabase.Vendor.POSTGRESQL) {
			login.setProperty("connectTimeout", String.valueOf(CONNECT_SECONDS));
			login.setProperty("loginTimeout", String.valueOf(CONNECT_SECONDS));
		}
		try (Connection connection = DriverManager.getConnection(database.url(), login)) {
			String product = connection.getMetaData().getDatabaseProductName();
			boolean expected = database.vendor() == HistoryDatabase.Vendor.POSTGRESQL ? "PostgreSQL".equals(product)
					: product != null && product.startsWith("HSQL");
			if (!expected) {
				throw new HistorySetupException("PASSERELLE_DATABASE_URL names a " + product + " database ("
						+ database.safeUrl() + "); the history needs PostgreSQL (or HSQLDB)");
			}
		}
		catch (SQLException ex) {
			throw new HistorySetupException(explain(database, ex));
		}
	}

	private static String explain(HistoryDatabase database, SQLException failure) {
		String state = failure.getSQLState() == null ? "" : failure.getSQLState();
		String reason = oneLine(failure.getMessage(), database.password());
		if (state.startsWith("28")) {
			return "PASSERELLE_DATABASE_USER / PASSERELLE_DATABASE_PASSWORD: the database server at "
					+ database.safeUrl() + " refused to log in user '" + database.user() + "' (" + reason + ")";
		}
		if (state.equals("3D000")) {
			return "PASSERELLE_DATABASE_URL: the server has no such database (" + reason + "); create it first "
					+ "(createdb) or fix the URL";
		}
		if (state.startsWith("08") || failure.getCause() instanceof java.io.IOException) {
			return "PASSERELLE_DATABASE_URL: no database server answers at " + database.safeUrl() + " (" + reason + ")";
		}
		return "PASSERELLE_DATABASE_URL: cannot open the database " + database.safeUrl() + " (" + reason + ")";
	}

	/** A driver's message on one line, and never with the password in it, whatever the driver put there. */
	static String oneLine(String message, String password) {
		String text = message == null ? "no reason given" : message.replaceAll("\\s+", " ").strip();
		if (password != null && password.length() >= 3) {
			text = text.replace(password, "***");
		}
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

}
