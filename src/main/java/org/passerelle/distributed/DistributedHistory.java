package org.passerelle.distributed;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Whether the history is on a database that every host can reach: what a distributed run needs. */
public final class DistributedHistory {

	/** Said when a distributed run or a worker is asked of a history in a work directory's file. */
	public static final String NEEDS_SERVER = "the history on a PostgreSQL server that the manager and every worker "
			+ "reach: set PASSERELLE_DATABASE_URL (jdbc:postgresql://host:5432/passerelle) and "
			+ "PASSERELLE_DATABASE_USER / PASSERELLE_DATABASE_PASSWORD";

	private DistributedHistory() {
	}

	public static boolean shared(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
