package org.passerelle.history;

import java.nio.file.Path;
import java.util.Locale;

import javax.sql.DataSource;

import org.passerelle.config.PasserelleProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database holds the history, and how to log in to it. Unset, it is the HSQLDB file in the work
 * directory; {@code PASSERELLE_DATABASE_URL} points it at a server instead. The password never appears
 * in {@link #toString()} or in any message.
 */
public record HistoryDatabase(Vendor vendor, String url, String user, String password) {

	/** The databases Passerelle keeps its history in; the name is Flyway's migration folder. */
	public enum Vendor {

		HSQLDB("hsqldb", "jdbc:hsqldb:"), POSTGRESQL("postgresql", "jdbc:postgresql:");

		private final String folder;

		private final String prefix;

		Vendor(String folder, String prefix) {
			this.folder = folder;
			this.prefix = prefix;
		}

		/** The name of its folder under {@code db/migration}. */
		public String folder() {
			return folder;
		}

		static Vendor ofUrl(String url) {
			for (Vendor vendor : values()) {
				if (url.toLowerCase(Locale.ROOT).startsWith(vendor.prefix)) {
					return vendor;
				}
			}
			throw new HistorySetupException("PASSERELLE_DATABASE_URL must be a PostgreSQL JDBC URL such as "
					+ "jdbc:postgresql://host:5432/passerelle (or jdbc:hsqldb:...), not one starting '" + scheme(url) + "'");
		}

	}

	/** The embedded file database of a work directory, as every version before servers kept it. */
	public static HistoryDatabase embedded(Path workDir) {
		// write delay off so that a commit is on disk when Spring Batch believes it is; cached (disk-backed)
		// tables so that the history does not have to fit in memory
		return new HistoryDatabase(Vendor.HSQLDB, "jdbc:hsqldb:file:" + workDir.resolve("db").resolve("passerelle")
				+ ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.default_table_type=cached", "SA", "");
	}

	/** The database these settings name (PASSERELLE_DATABASE_URL, or else the work directory's file). */
	public static HistoryDatabase of(PasserelleProperties properties) {
		PasserelleProperties.Database database = properties.database();
		return of(database.url(), database.user(), database.password(), properties.workDir());
	}

	/** The database the settings name: the URL given, or else the work directory's file. */
	public static HistoryDatabase of(String url, String user, String password, Path workDir) {
		if (isBlank(url)) {
			return embedded(workDir);
		}
		String given = url.strip();
		Vendor vendor = Vendor.ofUrl(given);
		if (vendor == Vendor.HSQLDB) {
			return new HistoryDatabase(vendor, given, isBlank(user) ? "SA" : user, password == null ? "" : password);
		}
		return new HistoryDatabase(vendor, given, isBlank(user) ? null : user.strip(), password);
	}

	/**
	 * Closes an HSQLDB file cleanly before the program lets its connections go: the files are left
	 * consistent and the file's lock is released for the next process. Nothing on a server.
	 */
	public void shutDown(DataSource dataSource) {
		if (vendor == Vendor.HSQLDB) {
			new JdbcTemplate(dataSource).execute("SHUTDOWN");
		}
	}

	/** A server shared by several hosts, rather than a file that belongs to one process. */
	public boolean shared() {
		return vendor == Vendor.POSTGRESQL;
	}

	/** The URL with anything after '?' or ';' left out, where a password could be. */
	public String safeUrl() {
		int cut = url.length();
		for (char separator : new char[] { '?', ';' }) {
			int at = url.indexOf(separator);
			if (at >= 0 && at < cut) {
				cut = at;
			}
		}
		String base = url.substring(0, cut);
		int at = base.indexOf('@');
		return at < 0 ? base : base.substring(0, base.indexOf("//") + 2) + base.substring(at + 1);
	}

	@Override
	public String toString() {
		return "HistoryDatabase[" + vendor + ", " + safeUrl() + ", user=" + user + ", password="
				+ (password == null || password.isEmpty() ? "unset" : "***") + "]";
	}

	private static String scheme(String url) {
		int second = url.indexOf(':', url.indexOf(':') + 1);
		return second < 0 ? (url.length() > 12 ? url.substring(0, 12) : url) : url.substring(0, second + 1);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
