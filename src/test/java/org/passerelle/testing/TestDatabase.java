package org.passerelle.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the job and process tests keep the history in: the HSQLDB file in their work
 * directory (as users get by default), or, with {@code -Dpasserelle.test.database=postgresql} (the
 * build's second run of those suites), a database of their own on the tests' real PostgreSQL server.
 * The same tests run on both, unchanged.
 */
public final class TestDatabase {

	public static final String PROPERTY = "passerelle.test.database";

	/** One database per directory a process test runs in: its processes share a history, as they would share a file. */
	private static final Map<Path, String> BY_DIRECTORY = new ConcurrentHashMap<>();

	private TestDatabase() {
	}

	public static boolean postgresql() {
		return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "hsqldb"));
	}

	/** For a Spring test context: a new, empty database on the server, or nothing (the work directory's file). */
	public static void register(DynamicPropertyRegistry registry) {
		if (postgresql()) {
			String url = PostgresServer.shared().newDatabase();
			registry.add("passerelle.database.url", () -> url);
			registry.add("passerelle.database.user", () -> PostgresServer.USER);
			registry.add("passerelle.database.password", () -> PostgresServer.PASSWORD);
		}
	}

	/** For a process run in this directory: the environment that points it at its database, if on the server. */
	public static void environment(Path directory, BiConsumer<String, String> environment) {
		if (postgresql()) {
			String url = BY_DIRECTORY.computeIfAbsent(directory.toAbsolutePath().normalize(),
					key -> PostgresServer.shared().newDatabase());
			environment.accept("PASSERELLE_DATABASE_URL", url);
			environment.accept("PASSERELLE_DATABASE_USER", PostgresServer.USER);
			environment.accept("PASSERELLE_DATABASE_PASSWORD", PostgresServer.PASSWORD);
		}
	}

}
