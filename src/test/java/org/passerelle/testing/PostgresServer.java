package org.passerelle.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of the tests' own: Debian's {@code postgresql} binaries, a cluster made with
 * {@code initdb} in a temporary directory, listening on a free loopback port, run as the unprivileged
 * {@code postgres} user when the tests run as root. Logins need a password, so a wrong one is refused
 * as on a real installation. It can be stopped and started again (a server gone in the middle of a run).
 * When the binaries are missing the tests that need it fail, saying what to install.
 */
public final class PostgresServer implements AutoCloseable {

	public static final String USER = "passerelle";

	public static final String PASSWORD = "night-shift-" + ProcessHandle.current().pid();

	private static PostgresServer shared;

	private final Path bin;

	private final Path directory;

	private final int port;

	private final AtomicInteger databases = new AtomicInteger();

	private PostgresServer(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
	}

	/** One server for every test of this JVM that does not need one of its own, stopped when the JVM ends. */
	public static synchronized PostgresServer shared() {
		if (shared == null) {
			shared = start();
			PostgresServer server = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
		}
		return shared;
	}

	/** A server of its own, for a test that stops it; close it at the end. */
	public static PostgresServer start() {
		Path bin = binaries();
		try {
			Path directory = Files.createTempDirectory("passerelle-pg");
			Files.writeString(directory.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
			asServerUser(directory);
			PostgresServer server = new PostgresServer(bin, directory, freePort());
			server.run(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U", USER,
					"--auth=scram-sha-256", "--pwfile=" + directory.resolve("password"), "-E", "UTF8", "--no-locale",
					"--no-sync");
			server.startAgain();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the tests' PostgreSQL server: " + ex.getMessage(), ex);
		}
	}

	/** Starts the server (again, after {@link #stop()}), on the same port and data. */
	public void startAgain() {
		// fsync off: a test server's data need not survive a power cut, and the tests go faster
		run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", directory.resolve("server.log").toString(),
				"-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 "
						+ "-c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
				"start");
	}

	/** Stops the server at once, connections cut, as a server that goes away does. */
	public void stop() {
		run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
	}

	/** A new, empty database on the server; its URL. */
	public String newDatabase() {
		String name = "passerelle_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create a database on the tests' PostgreSQL server: " + ex.getMessage(), ex);
		}
		return url(name);
	}

	public String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public int port() {
		return port;
	}

	@Override
	public void close() {
		try {
			if (Files.exists(data().resolve("postmaster.pid"))) {
				stop();
			}
		}
		catch (RuntimeException ex) {
			// the directory goes anyway
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory
		}
	}

	private Path data() {
		return directory.resolve("data");
	}

	/** Debian's binaries, newest version first; PASSERELLE_TEST_POSTGRES_BIN names another folder. */
	private static Path binaries() {
		String given = System.getenv("PASSERELLE_TEST_POSTGRES_BIN");
		if (given != null && !given.isBlank()) {
			return Path.of(given);
		}
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map(version -> version.resolve("bin"))
				.filter(folder -> Files.isExecutable(folder.resolve("initdb")))
				.max(Comparator.comparingInt(folder -> Integer.parseInt(folder.getParent().getFileName().toString())))
				.orElseThrow(PostgresServer::missing);
		}
		catch (IOException | NumberFormatException ex) {
			throw missing();
		}
	}

	private static IllegalStateException missing() {
		return new IllegalStateException("these tests need a real PostgreSQL server and found none: install Debian's "
				+ "package (apt-get install postgresql; .ci/run does) or set PASSERELLE_TEST_POSTGRES_BIN to a folder "
				+ "holding initdb and pg_ctl");
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** PostgreSQL refuses to run as root: the directory goes to the unprivileged postgres user. */
	private static void asServerUser(Path directory) throws IOException {
		if (root()) {
			runCommand(List.of("chown", "-R", "postgres:postgres", directory.toString()), directory);
		}
	}

	private void run(String... command) {
		List<String> line = new ArrayList<>();
		if (root()) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		runCommand(line, directory);
	}

	private static void runCommand(List<String> command, Path directory) {
		try {
			Path log = Files.createTempFile("passerelle-pg-command", ".log");
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
			}
			String output = Files.readString(log);
			Files.deleteIfExists(log);
			if (process.exitValue() != 0) {
				String serverLog = directory.resolve("server.log").toFile().exists()
						? Files.readString(directory.resolve("server.log")) : "";
				throw new IllegalStateException("the tests' PostgreSQL server: '" + String.join(" ", command) + "' failed ("
						+ process.exitValue() + "):\n" + output + serverLog);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + command.get(0) + " for the tests' PostgreSQL server: "
					+ ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
