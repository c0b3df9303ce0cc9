package org.passerelle.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Version 1: Spring Batch's job repository tables, from the schema script Spring Batch ships for the
 * database, so that one tool creates every table. A history made before Flyway already has them.
 */
final class SpringBatchTables extends CodedMigration {

	private final HistoryDatabase.Vendor vendor;

	SpringBatchTables(HistoryDatabase.Vendor vendor) {
		super("1", "Spring Batch job repository");
		this.vendor = vendor;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (hasTable(connection, "BATCH_JOB_INSTANCE")) {
			return;
		}
		ScriptUtils.executeSqlScript(connection,
				new ClassPathResource("org/springframework/batch/core/schema-" + vendor.folder() + ".sql"));
	}

	/** Whether the table is there, whatever case the database keeps unquoted names in. */
	static boolean hasTable(Connection connection, String table) throws SQLException {
		for (String name : new String[] { table, table.toLowerCase(java.util.Locale.ROOT) }) {
			try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
