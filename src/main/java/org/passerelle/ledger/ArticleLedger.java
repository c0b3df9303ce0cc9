package org.passerelle.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes the article ledger. Writes join the caller's transaction, so a ledger row commits
 * together with the chunk that produced it.
 */
public class ArticleLedger {

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";

	/** Stands for the content hash of a file that could not even be read. */
	public static final String UNKNOWN_CONTENT = "unknown";

	private static final int MAX_ERROR_LENGTH = 4000;

	private final JdbcClient jdbc;

	private final Clock clock;

	public ArticleLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * True when this exact content was translated successfully by this provider, model and prompt, and
	 * its output files are still there (outputs deleted by hand are made again).
	 */
	public boolean isUpToDate(String articleId, String sha256, Translation.Engine engine, OutputPaths paths) {
		return isTranslated(articleId, sha256, engine) && paths.allExist();
	}

	private boolean isTranslated(String articleId, String sha256, Translation.Engine engine) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM PASSERELLE_ARTICLE
				WHERE ARTICLE_ID = ? AND CONTENT_SHA256 = ? AND STATUS = 'SUCCEEDED'
				  AND PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ?""")
			.params(articleId, sha256, engine.provider(), engine.model(), engine.promptVersion())
			.query(Long.class)
			.single() > 0;
	}

	/** The latest successful translation of this same content by this engine, under any article name. */
	public Optional<LedgerEntry> translationOfSameContent(String sha256, Translation.Engine engine) {
		return jdbc.sql("""
				SELECT * FROM PASSERELLE_ARTICLE
				WHERE CONTENT_SHA256 = ? AND STATUS = 'SUCCEEDED' AND PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ?
				ORDER BY UPDATED_AT DESC LIMIT 1""")
			.params(sha256, engine.provider(), engine.model(), engine.promptVersion())
			.query(LedgerEntry.class)
			.optional();
	}

	public void recordSuccess(Translation translation, OutputPaths paths, long jobExecutionId) {
		Translation.Engine engine = translation.engine();
		upsert(new LedgerEntry(translation.article().source().id(), translation.article().sha256(), SUCCEEDED,
				engine.provider(), engine.model(), engine.promptVersion(), jobExecutionId,
				paths.translation().toString(), paths.summary().toString(), paths.metadata().toString(),
				translation.inputTokens(), translation.outputTokens(), 0, null, null, null));
	}

	/**
	 * @param kind what sort of failure, in a word the {@code failures} command turns into plain words
	 * @param reason the error, in plain words
	 */
	public void recordFailure(String articleId, String sha256, Translation.Engine engine, String kind, String reason,
			long jobExecutionId) {
		String error = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
		upsert(new LedgerEntry(articleId, sha256 == null ? UNKNOWN_CONTENT : sha256, FAILED, engine.provider(),
				engine.model(), engine.promptVersion(), jobExecutionId, null, null, null, 0, 0, 0, kind, error, null));
	}

	/** True when the article's most recent ledger row, whatever its content, is a failure. */
	public boolean lastAttemptFailed(String articleId) {
		return jdbc.sql("""
				SELECT STATUS FROM PASSERELLE_ARTICLE WHERE ARTICLE_ID = ?
				ORDER BY UPDATED_AT DESC LIMIT 1""")
			.param(articleId)
			.query(String.class)
			.optional()
			.map(FAILED::equals)
			.orElse(false);
	}

	/**
	 * Articles whose latest attempt failed (an older failure of since-edited content that then succeeded
	 * is not one), newest first: all of them, or those of one job execution.
	 */
	public List<LedgerEntry> failures(Long jobExecutionId) {
		String sql = """
				SELECT * FROM PASSERELLE_ARTICLE a WHERE a.STATUS = 'FAILED'
				  AND NOT EXISTS (SELECT 1 FROM PASSERELLE_ARTICLE b
				                  WHERE b.ARTICLE_ID = a.ARTICLE_ID AND b.UPDATED_AT > a.UPDATED_AT)"""
				+ (jobExecutionId == null ? "" : " AND a.JOB_EXECUTION_ID = :execution")
				+ " ORDER BY a.UPDATED_AT DESC, a.ARTICLE_ID";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (jobExecutionId != null) {
			statement = statement.param("execution", jobExecutionId);
		}
		return statement.query(LedgerEntry.class).list();
	}

	public long countByStatus(String status) {
		return jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE STATUS = ?").param(status).query(Long.class).single();
	}

	private void upsert(LedgerEntry entry) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("""
				UPDATE PASSERELLE_ARTICLE SET STATUS = ?, PROVIDER = ?, MODEL = ?, PROMPT_VERSION = ?,
				  JOB_EXECUTION_ID = ?, TRANSLATION_PATH = ?, SUMMARY_PATH = ?, METADATA_PATH = ?,
				  INPUT_TOKENS = INPUT_TOKENS + ?, OUTPUT_TOKENS = OUTPUT_TOKENS + ?, ATTEMPTS = ATTEMPTS + 1,
				  FAILURE_KIND = ?, ERROR_MESSAGE = ?, UPDATED_AT = ?
				WHERE ARTICLE_ID = ? AND CONTENT_SHA256 = ?""")
			.params(entry.status(), entry.provider(), entry.model(), entry.promptVersion(), entry.jobExecutionId(),
					entry.translationPath(), entry.summaryPath(), entry.metadataPath(), entry.inputTokens(),
					entry.outputTokens(), entry.failureKind(), entry.errorMessage(), now, entry.articleId(),
					entry.contentSha256())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO PASSERELLE_ARTICLE (ARTICLE_ID, CONTENT_SHA256, STATUS, PROVIDER, MODEL, PROMPT_VERSION,
					  JOB_EXECUTION_ID, TRANSLATION_PATH, SUMMARY_PATH, METADATA_PATH, INPUT_TOKENS, OUTPUT_TOKENS,
					  ATTEMPTS, FAILURE_KIND, ERROR_MESSAGE, UPDATED_AT)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
				.params(entry.articleId(), entry.contentSha256(), entry.status(), entry.provider(), entry.model(),
						entry.promptVersion(), entry.jobExecutionId(), entry.translationPath(), entry.summaryPath(),
						entry.metadataPath(), entry.inputTokens(), entry.outputTokens(), entry.failureKind(),
						entry.errorMessage(), now)
				.update();
		}
	}

}
