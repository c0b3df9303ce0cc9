package org.passerelle.history;

import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Version 2: brings a ledger written by a version from before Flyway (an HSQLDB file, in one of the
 * shapes those versions left) to the shape version 3 creates, in place, so users upgrade with their
 * history. A new database has no ledger yet and nothing is done.
 *
 * <p>Ledgers before input folders were keyed by the article's path relative to its input folder alone,
 * so two folders with the same relative names shared rows; each old row's folders are recovered from
 * the job execution that wrote it, whose parameters name them. HSQLDB commits each DDL statement on its
 * own, so a process killed half-way leaves the migration unrecorded: every step checks whether it is
 * still to do, and the next start finishes it.
 */
final class LedgerBeforeFlyway extends CodedMigration {

	private static final Logger log = LoggerFactory.getLogger(LedgerBeforeFlyway.class);

	LedgerBeforeFlyway() {
		super("2", "ledger from before Flyway");
	}

	@Override
	public void migrate(Context context) throws Exception {
		if (!SpringBatchTables.hasTable(context.getConnection(), "PASSERELLE_ARTICLE")) {
			return;
		}
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		keyByInputFolder(jdbc);
		for (String column : List.of("SOURCE_URL VARCHAR(4000)", "PUBLISHED VARCHAR(64)", "AUTHOR VARCHAR(1000)",
				"SOURCE_NAME VARCHAR(500)", "GLOSSARY_SHA256 VARCHAR(64)", "FLAG_COUNT INT DEFAULT 0 NOT NULL",
				"QUALITY_FLAGS VARCHAR(16000)")) {
			if (!hasColumn(jdbc, column.substring(0, column.indexOf(' ')))) {
				jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN " + column).update();
			}
		}
	}

	private static void keyByInputFolder(JdbcClient jdbc) {
		if (!hasColumn(jdbc, "INPUT_DIR")) {
			long rows = jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE").query(Long.class).single();
			log.info("upgrading the ledger ({} rows): articles are now kept apart by input folder", rows);
			jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN INPUT_DIR VARCHAR(2000) DEFAULT '' NOT NULL").update();
		}
		if (!hasColumn(jdbc, "OUTPUT_DIR")) {
			jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN OUTPUT_DIR VARCHAR(2000)").update();
		}
		jdbc.sql("""
				UPDATE PASSERELLE_ARTICLE a SET
				  INPUT_DIR = COALESCE((SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.JOB_EXECUTION_ID = a.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'input.dir'), ''),
				  OUTPUT_DIR = (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.JOB_EXECUTION_ID = a.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'output.dir')
				WHERE a.INPUT_DIR = ''""").update();
		List<String> key = primaryKey(jdbc);
		if (!key.contains("INPUT_DIR")) {
			if (!key.isEmpty()) {
				jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE DROP PRIMARY KEY").update();
			}
			jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD PRIMARY KEY (INPUT_DIR, ARTICLE_ID, CONTENT_SHA256)").update();
			long orphans = jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE INPUT_DIR = ''").query(Long.class).single();
			if (orphans > 0) {
				log.warn("{} ledger rows name no input folder (their run's record is gone); they are kept, under no folder",
						orphans);
			}
		}
	}

	private static List<String> primaryKey(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
				JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
				  ON t.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
				WHERE t.TABLE_NAME = 'PASSERELLE_ARTICLE' AND t.CONSTRAINT_TYPE = 'PRIMARY KEY'""")
			.query(String.class)
			.list();
	}

	private static boolean hasColumn(JdbcClient jdbc, String column) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
				WHERE TABLE_NAME = 'PASSERELLE_ARTICLE' AND COLUMN_NAME = ?""")
			.param(column)
			.query(Long.class)
			.single() > 0;
	}

}
