package org.passerelle.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.testing.Await;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.RealPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history on a real PostgreSQL server: the schema Flyway makes there, and the run guard's advisory
 * locks, seen from two pools standing for two hosts.
 */
@ExtendWith(RealPostgres.class)
class PostgresHistoryTests {

	private HikariDataSource hostA;

	private HikariDataSource hostB;

	private HistoryDatabase database;

	@BeforeEach
	void twoHostsOnOneDatabase(PostgresServer server) {
		database = HistoryDatabase.of(server.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD, Path.of("unused"));
		hostA = HistoryDataSources.open(database);
		hostB = HistoryDataSources.open(database);
	}

	@AfterEach
	void close() {
		hostA.close();
		hostB.close();
	}

	@Test
	void aReadingCommandSeesTheSchemaCurrentAndAHistoryMissingAVersionAsNeedingItsMigration() {
		assertThat(HistorySchema.current(hostA, database.vendor())).as("just migrated").isTrue();

		JdbcClient.create(hostA).sql("DELETE FROM flyway_schema_history WHERE version = '10'").update();

		assertThat(HistorySchema.current(hostA, database.vendor())).as("version 10 not applied").isFalse();
	}

	@Test
	void theSchemaIsSpringBatchsAndTheLedgerAndOpeningItAgainChangesNothing() {
		JdbcClient jdbc = JdbcClient.create(hostA);
		assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
			.query(String.class).list()).contains("batch_job_instance", "batch_job_execution", "batch_step_execution",
					"batch_job_execution_context", "passerelle_article", "passerelle_run_holder", "flyway_schema_history",
					// a distributed run's: its workers, its shared limits and account, its partition requests
					"passerelle_worker", "passerelle_run_pause", "passerelle_run_spending", "passerelle_rate_bucket",
					"int_channel_message");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.sequences WHERE sequence_name LIKE 'batch_%'")
			.query(Long.class).single()).isEqualTo(3);

		HistoryDataSources.open(database).close();

		assertThat(jdbc.sql("SELECT version FROM flyway_schema_history ORDER BY installed_rank").query(String.class).list())
			.as("a new database needs no baseline").containsExactly("1", "2", "3", "4", "10", "17", "17.1");
	}

	@Test
	void aFolderHeldOnOneHostIsRefusedOnAnotherNamingTheHolderAndAnotherFolderIsNot() {
		RunGuard a = new AdvisoryRunGuard(hostA);
		RunGuard b = new AdvisoryRunGuard(hostB);
		try (RunGuard.Hold held = a.hold(Path.of("/data/lemonde"))) {
			assertThatThrownBy(() -> b.hold(Path.of("/data/lemonde"))).isInstanceOf(FolderInUseException.class)
				.hasMessageContaining("/data/lemonde")
				.hasMessageContaining("pid " + ProcessHandle.current().pid())
				.hasMessageContaining("host ");
			assertThat(b.ifFree("/data/lemonde", () -> {
			})).as("a live holder: its STARTED run is not dead").isFalse();
			try (RunGuard.Hold other = b.hold(Path.of("/data/liberation"))) {
				assertThat(b.holdsHere("/data/liberation")).isTrue();
			}
		}
		try (RunGuard.Hold next = b.hold(Path.of("/data/lemonde"))) {
			assertThat(b.holdsHere("/data/lemonde")).isTrue();
		}
	}

	@Test
	void aHolderWhoseConnectionDiesLeavesTheFolderFree() throws Exception {
		RunGuard a = new AdvisoryRunGuard(hostA);
		RunGuard b = new AdvisoryRunGuard(hostB);
		a.hold(Path.of("/data/lemonde"));
		assertThatThrownBy(() -> b.hold(Path.of("/data/lemonde"))).isInstanceOf(FolderInUseException.class);

		// what the server sees when a process is killed: its sessions end (the server notices a closed
		// socket a moment later, so the test waits for that, not for a time)
		hostA.close();

		boolean[] ran = { false };
		Await.until("the server to end the dead holder's session and free its lock",
				() -> b.ifFree("/data/lemonde", () -> ran[0] = true));
		assertThat(ran[0]).isTrue();
		b.hold(Path.of("/data/lemonde")).close();
	}

	@Test
	void aSessionEndedByTheServerReleasesItsFolderToo() throws Exception {
		RunGuard a = new AdvisoryRunGuard(hostA);
		a.hold(Path.of("/data/lemonde"));
		try (Connection admin = hostB.getConnection(); Statement statement = admin.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()");
		}
		RunGuard b = new AdvisoryRunGuard(hostB);
		// the backend ends a moment after it is told to
		Await.until("the terminated session's lock to go", () -> b.ifFree("/data/lemonde", () -> {
		}));
		b.hold(Path.of("/data/lemonde")).close();
	}

}
