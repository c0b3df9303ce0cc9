package org.passerelle.ledger;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings a ledger written by an older Passerelle to the current shape, in place, the first time the new
 * version opens it: users upgrade with their history, without a manual step. Each step checks whether it
 * is needed, so running it on a current ledger changes nothing.
 *
 * <p>Ledgers before input folders were keyed by the article's path relative to its input folder alone, so
 * two folders with the same relative names shared rows. Each old row's folders are recovered from the job
 * execution that wrote it, whose parameters name them.
 */
public class LedgerMigration {

	private static final Logger log = LoggerFactory.getLogger(LedgerMigration.class);

	private final JdbcClient jdbc;

	public LedgerMigration(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void migrate() {
		keyByInputFolder();
		for (String column : List.of("SOURCE_URL VARCHAR(4000)", "PUBLISHED VARCHAR(64)", "AUTHOR VARCHAR(1000)",
				"SOURCE_NAME VARCHAR(500)", "GLOSSARY_SHA256 VARCHAR(64)", "FLAG_COUNT INT DEFAULT 0 NOT NULL",
				"QUALITY_FLAGS VARCHAR(16000)")) {
			if (!hasColumn(column.substring(0, column.indexOf(' ')))) {
				jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN " + column).update();
			}
		}
		jdbc.sql("CREATE INDEX IF NOT EXISTS PASSERELLE_ARTICLE_FOLDER_STATUS ON PASSERELLE_ARTICLE (INPUT_DIR, STATUS, ARTICLE_ID)")
			.update();
	}

	/**
	 * Each step checks for itself whether it is still to do: DDL commits on its own, so a process that dies
	 * half-way through leaves a ledger that the next start finishes upgrading.
	 */
	private void keyByInputFolder() {
		if (!hasColumn("INPUT_DIR")) {
			long rows = jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE").query(Long.class).single();
			log.info("upgrading the ledger ({} rows): articles are now kept apart by input folder", rows);
			jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN INPUT_DIR VARCHAR(2000) DEFAULT '' NOT NULL").update();
		}
		if (!hasColumn("OUTPUT_DIR")) {
			jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN OUTPUT_DIR VARCHAR(2000)").update();
		}
		jdbc.sql("""
				UPDATE PASSERELLE_ARTICLE a SET
				  INPUT_DIR = COALESCE((SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.JOB_EXECUTION_ID = a.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'input.dir'), ''),
				  OUTPUT_DIR = (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.JOB_EXECUTION_ID = a.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'output.dir')
				WHERE a.INPUT_DIR = ''""").update();
		List<String> key = primaryKey();
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

	private List<String> primaryKey() {
		return jdbc.sql("""
				SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
				JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t
				  ON t.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
				WHERE t.TABLE_NAME = 'PASSERELLE_ARTICLE' AND t.CONSTRAINT_TYPE = 'PRIMARY KEY'""")
			.query(String.class)
			.list();
	}

	private boolean hasColumn(String column) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
				WHERE TABLE_NAME = 'PASSERELLE_ARTICLE' AND COLUMN_NAME = ?""")
			.param(column)
			.query(Long.class)
			.single() > 0;
	}

}
