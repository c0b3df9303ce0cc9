package org.passerelle.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The translation memory's tables (Flyway's {@code db/migration/common/V10__translation_memory.sql}): segments (titles and paragraphs)
 * and articles (a summary and the keys of its paragraphs), each looked up by its primary key, so that a
 * lookup costs the same with a million paragraphs as with ten. Each article is remembered in one
 * transaction of its own on a connection of its own, committed before its files are written: an answer
 * is kept even when the output disk is full or the process dies the next instant.
 */
public class TranslationMemory {

	/** The longest text a row holds (the columns' size); a longer one is simply not remembered. */
	static final int MAX_TEXT = 32000;

	private static final int KEYS_PER_QUERY = 100;

	private final DataSource dataSource;

	private final Clock clock;

	public TranslationMemory(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/** What is known of an article with these keys. */
	public Recall recall(ArticleKeys keys) {
		try (Connection connection = dataSource.getConnection()) {
			List<String> wanted = new ArrayList<>(keys.paragraphs());
			wanted.add(keys.title());
			Map<String, Segment> found = segments(connection, wanted);
			List<String> english = keys.paragraphs().stream().map(key -> found.get(key) == null ? null : found.get(key).english())
				.toList();
			Segment title = found.get(keys.title());
			String summary = null;
			Recall.Earlier earlier = null;
			StoredArticle same = article(connection, keys.body());
			if (same != null) {
				summary = same.summary();
			}
			else {
				earlier = earlier(connection, keys, found);
			}
			return new Recall(title == null ? null : title.english(), english, summary, earlier);
		}
		catch (SQLException ex) {
			throw new MemoryException("cannot read the translation memory", ex);
		}
	}

	/**
	 * Keeps an article's checked English: its title, every paragraph and its summary. Paragraphs reused
	 * from the memory are written again too, which marks them as used today (pruning goes by last use).
	 */
	public void remember(MadeBy madeBy, ArticleKeys keys, String title, List<String> paragraphs, String summary) {
		try {
			rememberOnce(madeBy, keys, title, paragraphs, summary);
		}
		catch (MemoryException ex) {
			// another article of the chunk inserted the same new paragraph first: this time it is an update
			if (!(ex.getCause() instanceof SQLException sql) || sql.getSQLState() == null || !sql.getSQLState().startsWith("23")) {
				throw ex;
			}
			rememberOnce(madeBy, keys, title, paragraphs, summary);
		}
	}

	private void rememberOnce(MadeBy madeBy, ArticleKeys keys, String title, List<String> paragraphs, String summary) {
		if (paragraphs.size() != keys.paragraphs().size()) {
			throw new IllegalArgumentException(paragraphs.size() + " paragraphs for " + keys.paragraphs().size() + " keys");
		}
		Timestamp now = Timestamp.from(clock.instant());
		Map<String, Row> rows = new LinkedHashMap<>();
		rows.put(keys.title(), new Row("T", title));
		for (int i = 0; i < paragraphs.size(); i++) {
			rows.putIfAbsent(keys.paragraphs().get(i), new Row("P", paragraphs.get(i)));
		}
		rows.values().removeIf(row -> row.english() == null || row.english().length() > MAX_TEXT);
		String paragraphKeys = String.join(" ", keys.paragraphs());
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				upsertSegments(connection, madeBy, keys.body(), rows, now);
				if (summary != null && summary.length() <= MAX_TEXT && paragraphKeys.length() <= MAX_TEXT) {
					upsertArticle(connection, madeBy, keys.body(), summary, paragraphKeys, now);
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new MemoryException("cannot write to the translation memory", ex);
		}
	}

	/** Forgets what was last used before this instant; returns how many titles and paragraphs went. */
	public int forgetUnusedSince(Instant before) {
		return update(connection -> {
			try (PreparedStatement articles = connection.prepareStatement("DELETE FROM PASSERELLE_MEMORY_ARTICLE WHERE USED_AT < ?");
					PreparedStatement segments = connection.prepareStatement("DELETE FROM PASSERELLE_MEMORY_SEGMENT WHERE USED_AT < ?")) {
				articles.setTimestamp(1, Timestamp.from(before));
				articles.executeUpdate();
				segments.setTimestamp(1, Timestamp.from(before));
				return segments.executeUpdate();
			}
		});
	}

	/** Forgets what this provider and model made (every prompt version); returns how many titles and paragraphs went. */
	public int forgetMadeBy(String provider, String model) {
		return update(connection -> {
			try (PreparedStatement articles = connection
				.prepareStatement("DELETE FROM PASSERELLE_MEMORY_ARTICLE WHERE PROVIDER = ? AND MODEL = ?");
					PreparedStatement segments = connection
						.prepareStatement("DELETE FROM PASSERELLE_MEMORY_SEGMENT WHERE PROVIDER = ? AND MODEL = ?")) {
				articles.setString(1, provider);
				articles.setString(2, model);
				articles.executeUpdate();
				segments.setString(1, provider);
				segments.setString(2, model);
				return segments.executeUpdate();
			}
		});
	}

	/**
	 * Whether the memory holds a summary by this engine: without one, no article of the night can send
	 * only its changes (a changed article revises its earlier summary), so the read-ahead has nothing to do.
	 */
	public boolean holdsSummariesBy(MadeBy madeBy) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement any = connection.prepareStatement("SELECT 1 FROM PASSERELLE_MEMORY_ARTICLE"
						+ " WHERE PROVIDER = ? AND MODEL = ? AND PROMPT_VERSION = ? FETCH FIRST 1 ROWS ONLY")) {
			any.setString(1, madeBy.provider());
			any.setString(2, madeBy.model());
			any.setString(3, madeBy.promptVersion());
			try (ResultSet result = any.executeQuery()) {
				return result.next();
			}
		}
		catch (SQLException ex) {
			throw new MemoryException("cannot read the translation memory", ex);
		}
	}

	/** Titles and paragraphs held. */
	public long size() {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM PASSERELLE_MEMORY_SEGMENT");
				ResultSet result = count.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new MemoryException("cannot read the translation memory", ex);
		}
	}

	/**
	 * The article most of this one's known paragraphs were last part of, if at least half of this
	 * article's paragraphs were in it: then its summary is revised for the changes rather than written
	 * again. Beyond that the article is mostly new, and its summary is written from the whole text.
	 */
	private Recall.Earlier earlier(Connection connection, ArticleKeys keys, Map<String, Segment> found) throws SQLException {
		Map<String, Long> votes = keys.paragraphs().stream().map(found::get).filter(java.util.Objects::nonNull)
			.map(Segment::articleKey).filter(java.util.Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		String best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
		if (best == null || 2 * votes.get(best) < keys.paragraphs().size()) {
			return null;
		}
		StoredArticle article = article(connection, best);
		if (article == null) {
			return null;
		}
		Set<String> current = new HashSet<>(keys.paragraphs());
		List<String> removedKeys = Arrays.stream(article.paragraphKeys().split(" ")).filter(key -> !current.contains(key))
			.distinct().toList();
		Map<String, Segment> removed = segments(connection, removedKeys);
		if (removed.size() < removedKeys.size()) {
			return null; // what was dropped is not known any more: the summary is written afresh
		}
		return new Recall.Earlier(article.summary(), removedKeys.stream().map(key -> removed.get(key).english()).toList());
	}

	private Map<String, Segment> segments(Connection connection, Collection<String> keys) throws SQLException {
		Map<String, Segment> found = new HashMap<>();
		List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
		for (int from = 0; from < distinct.size(); from += KEYS_PER_QUERY) {
			List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY));
			String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT SEGMENT_KEY, ENGLISH, ARTICLE_KEY FROM PASSERELLE_MEMORY_SEGMENT WHERE SEGMENT_KEY IN (" + marks + ")")) {
				for (int i = 0; i < batch.size(); i++) {
					select.setString(i + 1, batch.get(i));
				}
				try (ResultSet result = select.executeQuery()) {
					while (result.next()) {
						found.put(result.getString(1), new Segment(result.getString(2), result.getString(3)));
					}
				}
			}
		}
		return found;
	}

	private StoredArticle article(Connection connection, String key) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT SUMMARY, PARAGRAPH_KEYS FROM PASSERELLE_MEMORY_ARTICLE WHERE ARTICLE_KEY = ?")) {
			select.setString(1, key);
			try (ResultSet result = select.executeQuery()) {
				return result.next() ? new StoredArticle(result.getString(1), result.getString(2)) : null;
			}
		}
	}

	private void upsertSegments(Connection connection, MadeBy madeBy, String articleKey, Map<String, Row> rows,
			Timestamp now) throws SQLException {
		List<String> keys = new ArrayList<>(rows.keySet());
		int[] updated;
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE PASSERELLE_MEMORY_SEGMENT SET ENGLISH = ?, ARTICLE_KEY = ?, USED_AT = ? WHERE SEGMENT_KEY = ?")) {
			for (String key : keys) {
				update.setString(1, rows.get(key).english());
				update.setString(2, articleKey);
				update.setTimestamp(3, now);
				update.setString(4, key);
				update.addBatch();
			}
			updated = update.executeBatch();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PASSERELLE_MEMORY_SEGMENT (SEGMENT_KEY, KIND, "
				+ "PROVIDER, MODEL, PROMPT_VERSION, ENGLISH, ARTICLE_KEY, CREATED_AT, USED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < keys.size(); i++) {
				if (updated[i] == 0) {
					Row row = rows.get(keys.get(i));
					insert.setString(1, keys.get(i));
					insert.setString(2, row.kind());
					insert.setString(3, madeBy.provider());
					insert.setString(4, madeBy.model());
					insert.setString(5, madeBy.promptVersion());
					insert.setString(6, row.english());
					insert.setString(7, articleKey);
					insert.setTimestamp(8, now);
					insert.setTimestamp(9, now);
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	private void upsertArticle(Connection connection, MadeBy madeBy, String key, String summary, String paragraphKeys,
			Timestamp now) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE PASSERELLE_MEMORY_ARTICLE SET SUMMARY = ?, USED_AT = ? WHERE ARTICLE_KEY = ?")) {
			update.setString(1, summary);
			update.setTimestamp(2, now);
			update.setString(3, key);
			if (update.executeUpdate() > 0) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PASSERELLE_MEMORY_ARTICLE (ARTICLE_KEY, "
				+ "PROVIDER, MODEL, PROMPT_VERSION, SUMMARY, PARAGRAPH_KEYS, CREATED_AT, USED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, key);
			insert.setString(2, madeBy.provider());
			insert.setString(3, madeBy.model());
			insert.setString(4, madeBy.promptVersion());
			insert.setString(5, summary);
			insert.setString(6, paragraphKeys);
			insert.setTimestamp(7, now);
			insert.setTimestamp(8, now);
			insert.executeUpdate();
		}
	}

	private int update(SqlWork work) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				int count = work.run(connection);
				connection.commit();
				return count;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new MemoryException("cannot prune the translation memory", ex);
		}
	}

	@FunctionalInterface
	private interface SqlWork {

		int run(Connection connection) throws SQLException;

	}

	private record Segment(String english, String articleKey) {
	}

	private record StoredArticle(String summary, String paragraphKeys) {
	}

	private record Row(String kind, String english) {
	}

}
