package org.passerelle.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hsqldb.jdbc.JDBCDataSource;
import org.passerelle.memory.ArticleKeys;
import org.passerelle.memory.MadeBy;
import org.passerelle.memory.Recall;
import org.passerelle.memory.TranslationMemory;

/**
 * Looks articles up in a translation memory of a million paragraphs (-Dbenchmark.paragraphs), in an
 * HSQLDB file database set up as the application sets it up, and prints the time per article of a lookup
 * and of remembering one, and what the database holds per paragraph on disk. Not a test: it prints figures.
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.passerelle.benchmark.TranslationMemoryBenchmark}
 */
public final class TranslationMemoryBenchmark {

	private static final MadeBy ENGINE = new MadeBy("openai", "gpt-4o-mini", "translate-article@0123456789ab");

	private static final int PARAGRAPHS_PER_ARTICLE = 20;

	private TranslationMemoryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int paragraphs = Integer.getInteger("benchmark.paragraphs", 1_000_000);
		int lookups = Integer.getInteger("benchmark.lookups", 2000);
		Path folder = Files.createTempDirectory("passerelle-memory-benchmark");
		// filled with a large cache (random keys thrash a small one), then reopened as the application opens it
		JDBCDataSource filling = dataSource(folder, ";hsqldb.cache_rows=2000000;hsqldb.cache_size=2000000;hsqldb.log_data=false");
		createTables(filling);
		long started = System.nanoTime();
		fill(filling, paragraphs);
		try (Connection connection = filling.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SET FILES CACHE ROWS 50000");
			statement.execute("SET FILES CACHE SIZE 10000");
			statement.execute("SET FILES LOG TRUE");
			statement.execute("SHUTDOWN");
		}
		System.out.printf(Locale.ROOT, "%nTranslation memory benchmark: %,d paragraphs (%,d articles of %d) written in %.1f s%n",
				paragraphs, paragraphs / PARAGRAPHS_PER_ARTICLE, PARAGRAPHS_PER_ARTICLE, (System.nanoTime() - started) / 1e9);
		JDBCDataSource dataSource = dataSource(folder, "");
		TranslationMemory memory = new TranslationMemory(dataSource, Clock.systemUTC());
		// warm up the JIT and the connection, then time: each article has half its paragraphs known
		for (int i = 0; i < 200; i++) {
			memory.recall(updated(i * 37 % (paragraphs / PARAGRAPHS_PER_ARTICLE), i));
		}
		long found = 0;
		long lookupStart = System.nanoTime();
		for (int i = 0; i < lookups; i++) {
			Recall recall = memory.recall(updated((i * 7919) % (paragraphs / PARAGRAPHS_PER_ARTICLE), i));
			found += recall.found();
		}
		double lookupMillis = (System.nanoTime() - lookupStart) / 1e6 / lookups;
		long rememberStart = System.nanoTime();
		int remembered = Math.min(500, lookups);
		for (int i = 0; i < remembered; i++) {
			ArticleKeys keys = updated((i * 104729) % (paragraphs / PARAGRAPHS_PER_ARTICLE), lookups + i);
			memory.remember(ENGINE, keys, "An English title", english(PARAGRAPHS_PER_ARTICLE), "A summary in English.");
		}
		double rememberMillis = (System.nanoTime() - rememberStart) / 1e6 / remembered;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT");
		}
		long bytes = Files.size(folder.resolve("db.data"));
		System.out.printf(Locale.ROOT, "lookup: %.2f ms per article of %d paragraphs (%d lookups, %.0f%% of paragraphs found)%n",
				lookupMillis, PARAGRAPHS_PER_ARTICLE, lookups, 100.0 * found / ((long) lookups * PARAGRAPHS_PER_ARTICLE));
		System.out.printf(Locale.ROOT, "remember: %.2f ms per article (one committed transaction each)%n", rememberMillis);
		System.out.printf(Locale.ROOT, "data file: %,d MB, %.0f bytes per paragraph (the whole folder: %,d MB)%n",
				bytes / 1_000_000, (double) bytes / memory.size(), size(folder) / 1_000_000);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	/** The application's settings (application.yml), with these added. */
	private static JDBCDataSource dataSource(Path folder, String extra) {
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:file:" + folder.resolve("db") + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;"
				+ "hsqldb.default_table_type=cached" + extra);
		dataSource.setUser("SA");
		dataSource.setPassword("");
		return dataSource;
	}

	/** Article {@code n} as the next night sees it: half its paragraphs as before, half new. */
	private static ArticleKeys updated(int n, int night) {
		List<String> french = new ArrayList<>();
		for (int p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
			french.add(p % 2 == 0 ? paragraph(n, p) : paragraph(n, p) + " Mise à jour numéro " + night + ".");
		}
		return ArticleKeys.of(ENGINE, "Titre de l'article " + n, french, text -> null);
	}

	private static String paragraph(int article, int paragraph) {
		return "Le paragraphe " + paragraph + " de la dépêche " + article + " rapporte ce que le conseil a décidé lundi, "
				+ "avec les chiffres du budget et les déclarations des élus de la majorité et de l'opposition.";
	}

	private static List<String> english(int count) {
		List<String> english = new ArrayList<>();
		for (int p = 0; p < count; p++) {
			english.add("Paragraph " + p + " of the dispatch reports what the council decided on Monday, with the budget "
					+ "figures and the statements of the majority and opposition councillors.");
		}
		return english;
	}

	/** The memory's rows as remember() writes them, in large transactions (filling is not what is measured). */
	private static void fill(JDBCDataSource dataSource, int paragraphs) throws Exception {
		Timestamp now = Timestamp.from(Clock.systemUTC().instant());
		String english = english(1).get(0);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO PASSERELLE_MEMORY_SEGMENT (SEGMENT_KEY, "
						+ "KIND, PROVIDER, MODEL, PROMPT_VERSION, ENGLISH, ARTICLE_KEY, CREATED_AT, USED_AT) VALUES (?, 'P', ?, ?, ?, ?, ?, ?, ?)");
				PreparedStatement article = connection.prepareStatement("INSERT INTO PASSERELLE_MEMORY_ARTICLE (ARTICLE_KEY, "
						+ "PROVIDER, MODEL, PROMPT_VERSION, SUMMARY, PARAGRAPH_KEYS, CREATED_AT, USED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			connection.setAutoCommit(false);
			for (int n = 0; n < paragraphs / PARAGRAPHS_PER_ARTICLE; n++) {
				List<String> french = new ArrayList<>();
				for (int p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
					french.add(paragraph(n, p));
				}
				ArticleKeys keys = ArticleKeys.of(ENGINE, "Titre de l'article " + n, french, text -> null);
				for (String key : keys.paragraphs()) {
					insert.setString(1, key);
					insert.setString(2, ENGINE.provider());
					insert.setString(3, ENGINE.model());
					insert.setString(4, ENGINE.promptVersion());
					insert.setString(5, english);
					insert.setString(6, keys.body());
					insert.setTimestamp(7, now);
					insert.setTimestamp(8, now);
					insert.addBatch();
				}
				insert.executeBatch();
				article.setString(1, keys.body());
				article.setString(2, ENGINE.provider());
				article.setString(3, ENGINE.model());
				article.setString(4, ENGINE.promptVersion());
				article.setString(5, "A summary of the dispatch in English, in two sentences. It names the council.");
				article.setString(6, String.join(" ", keys.paragraphs()));
				article.setTimestamp(7, now);
				article.setTimestamp(8, now);
				article.executeUpdate();
				if (n % 500 == 499) {
					connection.commit();
				}
			}
			connection.commit();
		}
	}

	private static void createTables(JDBCDataSource dataSource) throws Exception {
		try (InputStream script = TranslationMemoryBenchmark.class.getResourceAsStream("/db/migration/common/V10__translation_memory.sql");
				Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
			for (String command : sql.split(";")) {
				if (!command.isBlank()) {
					statement.execute(command);
				}
			}
		}
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

}
