package org.passerelle.ledger;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.passerelle.article.Article;
import org.passerelle.article.SourceDetails;
import org.passerelle.article.SourceFile;
import org.passerelle.llm.Translation;
import org.passerelle.output.OutputPaths;
import org.passerelle.quality.QualityFlag;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the article ledger. An article is known by its input folder and its id within it,
 * so two folders with the same relative names keep their own history. Writes join the caller's
 * transaction, so a ledger row commits together with the chunk that produced it.
 */
public class ArticleLedger {

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";

	/** A failed article whose file has since disappeared: kept as history, no longer listed as a failure. */
	public static final String GONE = "GONE";

	/** Stands for the content hash of a file that could not even be read. */
	public static final String UNKNOWN_CONTENT = "unknown";

	private static final int MAX_ERROR_LENGTH = 4000;

	/** The QUALITY_FLAGS column's size. */
	private static final int MAX_FLAGS_LENGTH = 16000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	public ArticleLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Input and output folders that have failed articles, and how many. */
	public record FailedFolder(String inputDir, String outputDir, long failed) {
	}

	/**
	 * True when this exact content was translated successfully by this provider, model and prompt, with
	 * these glossary entries (the fingerprint of those the article uses; null for none), and its output
	 * files are still there (outputs deleted by hand are made again).
	 */
	public boolean isUpToDate(SourceFile source, String sha256, Translation.Engine engine, String glossary,
			OutputPaths paths) {
		return isTranslated(source, sha256, engine, glossary) && paths.allExist();
	}

	private boolean isTranslated(SourceFile source, String sha256, Translation.Engine engine, String glossary) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM PASSERELLE_ARTICLE
				WHERE INPUT_DIR = ? AND ARTICLE_ID = ? AND CONTENT_SHA256 = ? AND STATUS = 'SUCCEEDED'
				  AND PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ? AND GLOSSARY_SHA256 IS NOT DISTINCT FROM CAST(? AS VARCHAR(64))""")
			.params(folder(source), source.id(), sha256, engine.provider(), engine.model(), engine.promptVersion(),
					glossary)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * In one query, what the ledger holds of this content translated successfully by this engine with these
	 * glossary entries: this article's own row if there is one (see {@link #isRowOf}), else the latest of
	 * another article with the same bytes. What a run asks of every article it reads, where two questions
	 * ({@link #isUpToDate}, then {@link #translationOfSameContent}) would take two queries.
	 */
	public Optional<LedgerEntry> successOfContent(SourceFile source, String sha256, Translation.Engine engine,
			String glossary) {
		return jdbc.sql("""
				SELECT * FROM PASSERELLE_ARTICLE
				WHERE CONTENT_SHA256 = ? AND STATUS = 'SUCCEEDED' AND PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ?
				  AND GLOSSARY_SHA256 IS NOT DISTINCT FROM CAST(? AS VARCHAR(64))
				ORDER BY CASE WHEN INPUT_DIR = ? AND ARTICLE_ID = ? THEN 0 ELSE 1 END, UPDATED_AT DESC LIMIT 1""")
			.params(sha256, engine.provider(), engine.model(), engine.promptVersion(), glossary, folder(source), source.id())
			.query(LedgerEntry.class)
			.optional();
	}

	/** Whether this ledger row is this article's own (its folder and name), not another's with the same bytes. */
	public static boolean isRowOf(LedgerEntry entry, SourceFile source) {
		return entry.inputDir().equals(folder(source)) && entry.articleId().equals(source.id());
	}

	/**
	 * The latest successful translation of this same content by this engine and with these glossary
	 * entries, under any folder and name.
	 */
	public Optional<LedgerEntry> translationOfSameContent(String sha256, Translation.Engine engine, String glossary) {
		return jdbc.sql("""
				SELECT * FROM PASSERELLE_ARTICLE
				WHERE CONTENT_SHA256 = ? AND STATUS = 'SUCCEEDED' AND PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ?
				  AND GLOSSARY_SHA256 IS NOT DISTINCT FROM CAST(? AS VARCHAR(64))
				ORDER BY UPDATED_AT DESC LIMIT 1""")
			.params(sha256, engine.provider(), engine.model(), engine.promptVersion(), glossary)
			.query(LedgerEntry.class)
			.optional();
	}

	/**
	 * Translated articles that raised quality flags, newest first: those of one job execution, or those
	 * translated since a moment.
	 */
	public List<LedgerEntry> flagged(Long jobExecutionId, LocalDateTime since) {
		String sql = "SELECT * FROM PASSERELLE_ARTICLE WHERE STATUS = 'SUCCEEDED' AND FLAG_COUNT > 0"
				+ (jobExecutionId == null ? "" : " AND JOB_EXECUTION_ID = :execution")
				+ (since == null ? "" : " AND UPDATED_AT >= :since") + " ORDER BY UPDATED_AT DESC, INPUT_DIR, ARTICLE_ID";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (jobExecutionId != null) {
			statement = statement.param("execution", jobExecutionId);
		}
		if (since != null) {
			statement = statement.param("since", Timestamp.valueOf(since));
		}
		return statement.query(LedgerEntry.class).list();
	}

	/** How many articles one job execution translated with quality flags. */
	public long flaggedCount(long jobExecutionId) {
		return jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE STATUS = 'SUCCEEDED' AND FLAG_COUNT > 0 AND JOB_EXECUTION_ID = ?")
			.param(jobExecutionId)
			.query(Long.class)
			.single();
	}

	/**
	 * Successful translations, for scoring against references: all of them, or those of one model
	 * and one prompt version, in the order of their files.
	 */
	public List<LedgerEntry> translated(String model, String promptVersion) {
		String sql = "SELECT * FROM PASSERELLE_ARTICLE WHERE STATUS = 'SUCCEEDED'"
				+ (model == null ? "" : " AND MODEL = :model")
				+ (promptVersion == null ? "" : " AND PROMPT_VERSION = :prompt") + " ORDER BY INPUT_DIR, ARTICLE_ID";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (model != null) {
			statement = statement.param("model", model);
		}
		if (promptVersion != null) {
			statement = statement.param("prompt", promptVersion);
		}
		return statement.query(LedgerEntry.class).list();
	}

	/** The flags a ledger row holds. */
	public static List<QualityFlag> flagsOf(LedgerEntry entry) {
		if (entry.qualityFlags() == null || entry.qualityFlags().isBlank()) {
			return List.of();
		}
		return List.of(JSON.readValue(entry.qualityFlags(), QualityFlag[].class));
	}

	public void recordSuccess(Translation translation, Path outputDir, OutputPaths paths, long jobExecutionId) {
		Translation.Engine engine = translation.engine();
		Article article = translation.article();
		SourceDetails details = article.details();
		List<QualityFlag> flags = translation.quality().flags();
		String flagsJson = JSON.writeValueAsString(flags);
		while (flagsJson.length() > MAX_FLAGS_LENGTH && !flags.isEmpty()) {
			flags = flags.subList(0, flags.size() / 2); // the count keeps the whole number
			flagsJson = JSON.writeValueAsString(flags);
		}
		upsert(new LedgerEntry(folder(article.source()), article.source().id(), article.sha256(), SUCCEEDED,
				engine.provider(), engine.model(), engine.promptVersion(), jobExecutionId, folder(outputDir),
				paths.translation().toString(), paths.summary().toString(), paths.metadata().toString(),
				translation.inputTokens(), translation.outputTokens(), 0, null, null, details.url(), details.published(),
				details.author(), details.source(), translation.glossary().fingerprint(),
				translation.quality().flags().size(), flagsJson, null));
	}

	/**
	 * @param kind what sort of failure, in a word the {@code failures} command turns into plain words
	 * @param reason the error, in plain words
	 */
	public void recordFailure(SourceFile source, Path outputDir, String sha256, Translation.Engine engine, String kind,
			String reason, long jobExecutionId) {
		String error = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
		upsert(new LedgerEntry(folder(source), source.id(), sha256 == null ? UNKNOWN_CONTENT : sha256, FAILED,
				engine.provider(), engine.model(), engine.promptVersion(), jobExecutionId, folder(outputDir), null, null,
				null, 0, 0, 0, kind, error, null, null, null, null, null, 0, null, null));
	}

	/** How many runs have tried this content of the article (1 after its first attempt). */
	public int attempts(SourceFile source, String sha256) {
		return jdbc.sql("SELECT ATTEMPTS FROM PASSERELLE_ARTICLE WHERE INPUT_DIR = ? AND ARTICLE_ID = ? AND CONTENT_SHA256 = ?")
			.params(folder(source), source.id(), sha256 == null ? UNKNOWN_CONTENT : sha256)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** An article whose file is gone leaves the failures list; its rows stay, as history. */
	public int recordGone(SourceFile source) {
		return jdbc.sql("UPDATE PASSERELLE_ARTICLE SET STATUS = 'GONE', UPDATED_AT = ? WHERE INPUT_DIR = ? AND ARTICLE_ID = ? AND STATUS = 'FAILED'")
			.params(Timestamp.from(clock.instant()), folder(source), source.id())
			.update();
	}

	/** True when the article's most recent ledger row, whatever its content, is a failure. */
	public boolean lastAttemptFailed(SourceFile source) {
		return jdbc.sql("""
				SELECT STATUS FROM PASSERELLE_ARTICLE WHERE INPUT_DIR = ? AND ARTICLE_ID = ?
				ORDER BY UPDATED_AT DESC LIMIT 1""")
			.params(folder(source), source.id())
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
		String sql = latestFailures() + (jobExecutionId == null ? "" : " AND a.JOB_EXECUTION_ID = :execution")
				+ " ORDER BY a.UPDATED_AT DESC, a.INPUT_DIR, a.ARTICLE_ID";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (jobExecutionId != null) {
			statement = statement.param("execution", jobExecutionId);
		}
		return statement.query(LedgerEntry.class).list();
	}

	/** The ids of the articles of one input folder, going to one output folder, whose latest attempt failed. */
	public List<String> failedArticleIds(String inputDir, String outputDir) {
		return jdbc.sql(latestFailures() + " AND a.INPUT_DIR = :input AND a.OUTPUT_DIR = :output")
			.param("input", inputDir)
			.param("output", outputDir)
			.query((row, number) -> row.getString("ARTICLE_ID"))
			.list();
	}

	/** Where the failed articles came from and where their outputs go, and how many there are of each pair. */
	public List<FailedFolder> failedFolders() {
		return jdbc.sql("SELECT a.INPUT_DIR, a.OUTPUT_DIR, COUNT(*) AS FAILED FROM (" + latestFailures()
				+ ") a GROUP BY a.INPUT_DIR, a.OUTPUT_DIR ORDER BY a.INPUT_DIR, a.OUTPUT_DIR")
			.query((row, number) -> new FailedFolder(row.getString("INPUT_DIR"), row.getString("OUTPUT_DIR"),
					row.getLong("FAILED")))
			.list();
	}

	private static String latestFailures() {
		return """
				SELECT * FROM PASSERELLE_ARTICLE a WHERE a.STATUS = 'FAILED'
				  AND NOT EXISTS (SELECT 1 FROM PASSERELLE_ARTICLE b
				                  WHERE b.INPUT_DIR = a.INPUT_DIR AND b.ARTICLE_ID = a.ARTICLE_ID
				                    AND b.UPDATED_AT > a.UPDATED_AT)""";
	}

	public long countByStatus(String status) {
		return jdbc.sql("SELECT COUNT(*) FROM PASSERELLE_ARTICLE WHERE STATUS = ?").param(status).query(Long.class).single();
	}

	private static String folder(SourceFile source) {
		return source.root().toString();
	}

	private static String folder(Path directory) {
		return directory.toAbsolutePath().normalize().toString();
	}

	private void upsert(LedgerEntry entry) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("""
				UPDATE PASSERELLE_ARTICLE SET STATUS = ?, PROVIDER = ?, MODEL = ?, PROMPT_VERSION = ?,
				  JOB_EXECUTION_ID = ?, OUTPUT_DIR = ?, TRANSLATION_PATH = ?, SUMMARY_PATH = ?, METADATA_PATH = ?,
				  INPUT_TOKENS = INPUT_TOKENS + ?, OUTPUT_TOKENS = OUTPUT_TOKENS + ?, ATTEMPTS = ATTEMPTS + 1,
				  FAILURE_KIND = ?, ERROR_MESSAGE = ?, SOURCE_URL = ?, PUBLISHED = ?, AUTHOR = ?, SOURCE_NAME = ?,
				  GLOSSARY_SHA256 = ?, FLAG_COUNT = ?, QUALITY_FLAGS = ?, UPDATED_AT = ?
				WHERE INPUT_DIR = ? AND ARTICLE_ID = ? AND CONTENT_SHA256 = ?""")
			.params(entry.status(), entry.provider(), entry.model(), entry.promptVersion(), entry.jobExecutionId(),
					entry.outputDir(), entry.translationPath(), entry.summaryPath(), entry.metadataPath(),
					entry.inputTokens(), entry.outputTokens(), entry.failureKind(), entry.errorMessage(),
					entry.sourceUrl(), entry.published(), entry.author(), entry.sourceName(), entry.glossarySha256(),
					entry.flagCount(), entry.qualityFlags(), now, entry.inputDir(), entry.articleId(), entry.contentSha256())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO PASSERELLE_ARTICLE (INPUT_DIR, ARTICLE_ID, CONTENT_SHA256, STATUS, PROVIDER, MODEL,
					  PROMPT_VERSION, JOB_EXECUTION_ID, OUTPUT_DIR, TRANSLATION_PATH, SUMMARY_PATH, METADATA_PATH,
					  INPUT_TOKENS, OUTPUT_TOKENS, ATTEMPTS, FAILURE_KIND, ERROR_MESSAGE, SOURCE_URL, PUBLISHED, AUTHOR,
					  SOURCE_NAME, GLOSSARY_SHA256, FLAG_COUNT, QUALITY_FLAGS, UPDATED_AT)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(entry.inputDir(), entry.articleId(), entry.contentSha256(), entry.status(), entry.provider(),
						entry.model(), entry.promptVersion(), entry.jobExecutionId(), entry.outputDir(),
						entry.translationPath(), entry.summaryPath(), entry.metadataPath(), entry.inputTokens(),
						entry.outputTokens(), entry.failureKind(), entry.errorMessage(), entry.sourceUrl(),
						entry.published(), entry.author(), entry.sourceName(), entry.glossarySha256(), entry.flagCount(),
						entry.qualityFlags(), now)
				.update();
		}
	}

}
