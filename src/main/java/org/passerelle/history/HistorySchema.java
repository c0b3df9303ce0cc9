package org.passerelle.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Creates the history's tables, or brings them up to date, with Flyway: the SQL of each version is in
 * {@code db/migration/<vendor>/}, one folder per database, or in {@code db/migration/common/} when it is
 * written the same for both. A database made before Flyway (an HSQLDB
 * file of an earlier version, which has tables and no Flyway history) is taken as version 0 and goes
 * through every migration, each of which finds out what it still has to do.
 */
public final class HistorySchema {

	private static final Logger log = LoggerFactory.getLogger(HistorySchema.class);

	/** Flyway's default table, the one {@link #flyway} leaves it to. */
	private static final String FLYWAY_TABLE = "flyway_schema_history";

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

	/**
	 * Every version this program ships is recorded as applied in Flyway's table, none failed: a command
	 * that only reads then leaves Flyway (most of its start-up otherwise) alone; otherwise it migrates,
	 * as any command would.
	 */
	static boolean current(DataSource dataSource, HistoryDatabase.Vendor vendor) {
		Set<String> applied = new HashSet<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select \"version\", \"success\" from \"" + FLYWAY_TABLE + "\"")) {
			while (rows.next()) {
				if (!rows.getBoolean(2)) {
					return false; // a failed migration: Flyway says what to do about it
				}
				applied.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			return false; // no Flyway table yet: a new or a pre-Flyway history
		}
		return applied.containsAll(shipped(vendor));
	}

	/** The versions of the migrations this program carries: the coded ones and those of the SQL files. */
	static Set<String> shipped(HistoryDatabase.Vendor vendor) {
		Set<String> versions = new HashSet<>();
		for (org.flywaydb.core.api.migration.JavaMigration coded : javaMigrations(vendor)) {
			versions.add(coded.getVersion().getVersion());
		}
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(HistorySchema.class.getClassLoader());
		try {
			for (String folder : List.of("common", vendor.folder())) {
				for (Resource script : resolver.getResources("classpath*:db/migration/" + folder + "/V*__*.sql")) {
					String name = script.getFilename();
					versions.add(name.substring(1, name.indexOf("__")).replace('_', '.'));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return versions;
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
