package org.passerelle.history;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.article.SourceFile;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history written before Flyway, with a ledger from before articles were kept apart by input folder, in
 * a real HSQLDB file with Spring Batch's tables, is upgraded in place by the Flyway migrations: every row
 * kept, each given the folders of the run that wrote it.
 */
class EarlierHistoryUpgradeTests {

	@TempDir
	Path workDir;

	private SingleConnectionDataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void anOldLedgerWithTwoRunsOverTwoFolders() throws Exception {
		dataSource = new SingleConnectionDataSource("jdbc:hsqldb:file:" + workDir.resolve("db/passerelle") + ";shutdown=true",
				"SA", "", true);
		jdbc = JdbcClient.create(dataSource);
		try (var connection = dataSource.getConnection()) {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/schema-hsqldb.sql"));
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("ledger-before-input-folders.sql"));
		}
		jdbc.sql("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (1, 0, 'translateArticlesJob', 'k1'), (2, 0, 'translateArticlesJob', 'k2')").update();
		for (long execution : List.of(1L, 2L)) {
			jdbc.sql("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS) VALUES (?, 0, ?, CURRENT_TIMESTAMP, 'COMPLETED')")
				.params(execution, execution).update();
			String folder = execution == 1 ? "lemonde" : "liberation";
			jdbc.sql("INSERT INTO BATCH_JOB_EXECUTION_PARAMS VALUES (?, 'input.dir', 'java.lang.String', ?, 'Y'), (?, 'output.dir', 'java.lang.String', ?, 'Y')")
				.params(execution, "/data/" + folder, execution, "/data/out/" + folder).update();
		}
		insertOldRow("2026-11-24/article-1.txt", "a1", "SUCCEEDED", 1);
		insertOldRow("2026-11-24/article-2.txt", "a2", "FAILED", 1);
		insertOldRow("2026-11-25/article-9.txt", "b9", "FAILED", 2);
	}

	@AfterEach
	void close() {
		dataSource.destroy();
	}

	@Test
	void everyRowIsKeptAndKeyedByTheFoldersOfTheRunThatWroteIt() {
		migrate();

		assertThat(jdbc.sql("SELECT INPUT_DIR, OUTPUT_DIR, ARTICLE_ID, STATUS FROM PASSERELLE_ARTICLE ORDER BY ARTICLE_ID")
			.query((row, n) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4))
			.list()).containsExactly("/data/lemonde /data/out/lemonde 2026-11-24/article-1.txt SUCCEEDED",
					"/data/lemonde /data/out/lemonde 2026-11-24/article-2.txt FAILED",
					"/data/liberation /data/out/liberation 2026-11-25/article-9.txt FAILED");
		ArticleLedger ledger = new ArticleLedger(jdbc, Clock.systemUTC());
		assertThat(ledger.failedFolders()).containsExactly(
				new ArticleLedger.FailedFolder("/data/lemonde", "/data/out/lemonde", 1),
				new ArticleLedger.FailedFolder("/data/liberation", "/data/out/liberation", 1));
		assertThat(ledger.failedArticleIds("/data/lemonde", "/data/out/lemonde")).containsExactly("2026-11-24/article-2.txt");
	}

	@Test
	void anOldTranslationCountsAsUsingNoGlossaryEntryAndHasNoFlag() throws Exception {
		migrate();
		ArticleLedger ledger = new ArticleLedger(jdbc, Clock.systemUTC());
		SourceFile source = SourceFile.fromId(Path.of("/data/lemonde"), "2026-11-24/article-1.txt");
		Path output = java.nio.file.Files.createDirectories(workDir.resolve("out/2026-11-24"));
		for (String name : List.of("article-1.en.md", "article-1.summary.md", "article-1.meta.json")) {
			java.nio.file.Files.writeString(output.resolve(name), "x");
		}
		OutputPaths paths = OutputPaths.of(workDir.resolve("out"), source.id());
		Translation.Engine engine = new Translation.Engine("openai", "m", "p");

		assertThat(ledger.isUpToDate(source, "a1", engine, null, paths)).as("no glossary: nothing to translate again").isTrue();
		assertThat(ledger.isUpToDate(source, "a1", engine, "f".repeat(64), paths))
			.as("with glossary entries it contains: translated again").isFalse();
		assertThat(jdbc.sql("SELECT FLAG_COUNT FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = '2026-11-24/article-1.txt'")
			.query(Integer.class).single()).isZero();
		assertThat(ledger.flagged(null, null)).isEmpty();
	}

	@Test
	void afterwardsTheSameNameInAnotherFolderIsAnotherArticleAndMigratingAgainChangesNothing() {
		migrate();
		migrate();

		jdbc.sql("""
				INSERT INTO PASSERELLE_ARTICLE (INPUT_DIR, ARTICLE_ID, CONTENT_SHA256, STATUS, JOB_EXECUTION_ID, UPDATED_AT)
				VALUES ('/data/liberation', '2026-11-24/article-1.txt', 'a1', 'SUCCEEDED', 2, CURRENT_TIMESTAMP)""").update();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = '2026-11-24/article-1.txt'")
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE").query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aMigrationInterruptedAfterItsFirstStepIsFinishedByTheNextStart() {
		// what a process killed right after adding the column leaves: the column, empty, and the old key
		jdbc.sql("ALTER TABLE PASSERELLE_ARTICLE ADD COLUMN INPUT_DIR VARCHAR(2000) DEFAULT '' NOT NULL").update();

		migrate();

		assertThat(new ArticleLedger(jdbc, Clock.systemUTC()).failedArticleIds("/data/lemonde", "/data/out/lemonde"))
			.containsExactly("2026-11-24/article-2.txt");
		jdbc.sql("""
				INSERT INTO PASSERELLE_ARTICLE (INPUT_DIR, ARTICLE_ID, CONTENT_SHA256, STATUS, JOB_EXECUTION_ID, UPDATED_AT)
				VALUES ('/data/liberation', '2026-11-24/article-1.txt', 'a1', 'SUCCEEDED', 2, CURRENT_TIMESTAMP)""").update();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = '2026-11-24/article-1.txt'")
			.query(Long.class).single()).as("keyed by folder now").isEqualTo(2);
	}

	@Test
	void theRunsOfTheOldHistoryAreKeptAndTheNextOnesNumberedAfterThem() {
		migrate();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")
			.query(String.class).list()).as("taken as version 0, then every migration").containsExactly("0", "1", "2", "3", "4", "10");
	}

	private void migrate() {
		HistorySchema.migrate(dataSource, HistoryDatabase.Vendor.HSQLDB);
	}

	private void insertOldRow(String articleId, String sha, String status, long execution) {
		jdbc.sql("""
				INSERT INTO PASSERELLE_ARTICLE (ARTICLE_ID, CONTENT_SHA256, STATUS, PROVIDER, MODEL, PROMPT_VERSION,
				  JOB_EXECUTION_ID, ATTEMPTS, FAILURE_KIND, ERROR_MESSAGE, UPDATED_AT)
				VALUES (?, ?, ?, 'openai', 'm', 'p', ?, 1, ?, ?, CURRENT_TIMESTAMP)""")
			.params(articleId, sha, status, execution, status.equals("FAILED") ? "BAD_ANSWER" : null,
					status.equals("FAILED") ? "the answer has no English title" : null)
			.update();
	}

}
