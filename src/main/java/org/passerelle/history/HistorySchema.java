package org.passerelle.history;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the history's tables, or brings them up to date, with Flyway: the SQL of each version is in
 * {@code db/migration/<vendor>/}, one folder per database, or in {@code db/migration/common/} when it is
 * written the same for both. A database made before Flyway (an HSQLDB
 * file of an earlier version, which has tables and no Flyway history) is taken as version 0 and goes
 * through every migration, each of which finds out what it still has to do.
 */
public final class HistorySchema {

	private static final Logger log = LoggerFactory.getLogger(HistorySchema.class);

	private HistorySchema() {
	}

	public static void migrate(DataSource dataSource, HistoryDatabase.Vendor vendor) {
		MigrateResult result = flyway(dataSource, vendor).migrate();
		if (result.migrationsExecuted > 0) {
			log.info("history schema brought to version {} ({} migration(s))", result.targetSchemaVersion,
					result.migrationsExecuted);
		}
	}

	private static org.flywaydb.core.api.migration.JavaMigration[] javaMigrations(HistoryDatabase.Vendor vendor) {
		if (vendor == HistoryDatabase.Vendor.POSTGRESQL) {
			return new org.flywaydb.core.api.migration.JavaMigration[] { new SpringBatchTables(vendor),
					new LedgerBeforeFlyway(), new MessageStoreTables() };
		}
		return new org.flywaydb.core.api.migration.JavaMigration[] { new SpringBatchTables(vendor), new LedgerBeforeFlyway() };
	}

	static Flyway flyway(DataSource dataSource, HistoryDatabase.Vendor vendor) {
		return Flyway.configure()
			.dataSource(dataSource)
			// common/ holds what is written the same on both databases, <vendor>/ what is not
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder())
			.javaMigrations(javaMigrations(vendor))
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.baselineDescription("history made before Flyway")
			.loggers("slf4j")
			.load();
	}

}
