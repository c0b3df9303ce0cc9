package org.passerelle.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed run's processes, for jar tests: one fake provider, a new database on the tests' real
 * PostgreSQL server, and jar processes that each have a work directory of their own but share the input
 * and output folders under {@code home}. Workers started here are killed after each test. Register it
 * as an instance field:
 *
 * <pre>
 * &#64;RegisterExtension
 * final DistributedRunFixture run = new DistributedRunFixture(() -> home, process -> process.env(...));
 * </pre>
 *
 * Skipped in the jar tests' PostgreSQL round: distributed runs are on PostgreSQL in the first round.
 */
public final class DistributedRunFixture implements BeforeEachCallback, AfterEachCallback {

	/** How long a whole night of these tests may take on a machine shared with others. */
	public static final Duration NIGHT = Duration.ofMinutes(8);

	private final Supplier<Path> home;

	private final UnaryOperator<JarProcess> settings;

	private final List<JarProcess.Running> workers = new ArrayList<>();

	private FakeLlmServer fake;

	private String databaseUrl;

	/**
	 * {@code home} is the test's folder (asked for when a process starts: a {@code @TempDir} field is set
	 * after the fixture is made); {@code settings} adds what every process of the test's runs has.
	 */
	public DistributedRunFixture(Supplier<Path> home, UnaryOperator<JarProcess> settings) {
		this.home = home;
		this.settings = settings;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		Assumptions.assumeFalse("postgresql".equals(System.getProperty("passerelle.test.database")),
				"distributed runs need PostgreSQL and were run in the first pass");
		fake = FakeLlmServer.start();
		databaseUrl = PostgresServer.shared().newDatabase();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		workers.forEach(worker -> worker.process().destroyForcibly());
		workers.clear();
		if (fake != null) { // null when the test was skipped
			fake.close();
		}
	}

	public FakeLlmServer fake() {
		return fake;
	}

	/** The test's database on the shared server (user {@link PostgresServer#USER}). */
	public String databaseUrl() {
		return databaseUrl;
	}

	/** The jar as the process {@code name} runs it: its own work directory, the shared folders and database. */
	public JarProcess process(String name) {
		Path home = this.home.get();
		return settings.apply(JarProcess.against(fake, home, "sk-test")
			.env("PASSERELLE_DATABASE_URL", databaseUrl)
			.env("PASSERELLE_DATABASE_USER", PostgresServer.USER)
			.env("PASSERELLE_DATABASE_PASSWORD", PostgresServer.PASSWORD)
			.env("PASSERELLE_WORK_DIR", home.resolve("work-" + name).toString())
			.env("PASSERELLE_INPUT_DIR", home.resolve("input").toString())
			.env("PASSERELLE_OUTPUT_DIR", home.resolve("output").toString()));
	}

	/** Starts a worker, killed after the test if it is still running. */
	public JarProcess.Running startWorker(JarProcess process) throws IOException {
		JarProcess.Running worker = process.start("worker");
		workers.add(worker);
		return worker;
	}

	/** A worker is ready once it says so; a JVM start on a machine as busy as can be takes a while. */
	public static void awaitReady(JarProcess.Running worker) throws InterruptedException {
		long deadline = System.nanoTime() + NIGHT.toNanos();
		while (!worker.output().contains("waiting for partitions")) {
			assertThat(worker.process().isAlive()).as("the worker ended before it was ready:\n%s", worker.output()).isTrue();
			assertThat(System.nanoTime() - deadline).as("the worker was not ready within %s", NIGHT).isNegative();
			Thread.sleep(50);
		}
	}

}
