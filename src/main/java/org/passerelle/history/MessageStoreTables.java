package org.passerelle.history;

import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Version 17.1, PostgreSQL only: Spring Integration's message store tables, which carry a distributed
 * run's partition requests, from the script Spring Integration ships. Histories used by distributed runs
 * before this migration already have them.
 */
final class MessageStoreTables extends CodedMigration {

	MessageStoreTables() {
		super("17.1", "Spring Integration message store");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		if (SpringBatchTables.hasTable(context.getConnection(), "INT_CHANNEL_MESSAGE")) {
			return;
		}
		ScriptUtils.executeSqlScript(context.getConnection(),
				new ClassPathResource("org/springframework/integration/jdbc/schema-postgresql.sql"));
	}

}
