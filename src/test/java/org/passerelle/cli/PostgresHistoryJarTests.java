package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several hosts sharing one history on PostgreSQL, each a process in a work directory of its own over the
 * same input folder: one run at a time on it, status from anywhere while it goes, a restart elsewhere
 * after a kill -9, an HSQLDB history copied over, and bad database settings refused before any article
 * is read.
 */
class PostgresHistoryJarTests {

	private static final int ARTICLES = 6;

	@TempDir
	Path root;

	private FakeLlmServer fake;

	private String url;

	private Path input;

	private Path output;

	@BeforeEach
	void sixArticlesAndAnEmptyDatabase() throws IOException {
		fake = FakeLlmServer.start();
		url = PostgresServer.shared().newDatabase();
		input = root.resolve("shared/input");
		output = root.resolve("shared/output");
		for (int i = 1; i <= ARTICLES; i++) {
			TestArticles.write(input.resolve("article-" + i + ".txt"),
					"Dépêche numéro " + i + "\n\nLe conseil a voté le budget " + i + " hier soir.\n");
		}
	}

	@AfterEach
	void stop() {
		fake.close();
	}

	/** A host: its own work directory, the shared folders, the shared database. */
	private JarProcess host(String name) throws IOException {
		Path home = Files.createDirectories(root.resolve(name));
		return JarProcess.against(fake, home, "sk-test")
			.env("PASSERELLE_INPUT_DIR", input.toString())
			.env("PASSERELLE_OUTPUT_DIR", output.toString())
			.env("PASSERELLE_CHUNK_SIZE", "2")
			.env("PASSERELLE_LLM_CONCURRENCY", "1")
			.env("PASSERELLE_DATABASE_URL", url)
			.env("PASSERELLE_DATABASE_USER", PostgresServer.USER)
			.env("PASSERELLE_DATABASE_PASSWORD", PostgresServer.PASSWORD);
	}

	@Test
	void aSecondHostIsRefusedWhileTheFirstRunsAndStatusFromAThirdShowsTheRunLive() throws Exception {
		fake.holdAfter(3);
		JarProcess.Running first = host("host-a").start("run");
		fake.awaitHeld(1);

		JarProcess.Result second = host("host-b").run("run");
		JarProcess.Result status = host("host-c").run("status");

		assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.LOCKED);
		assertThat(second.stderr()).contains("another Passerelle run is translating " + input)
			.contains("pid " + first.process().pid()).contains("host ");
		assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
		assertThat(status.stdout()).as("the run in progress, from the database").contains("STARTED");
		fake.release();
		JarProcess.Result done = first.await();
		assertThat(done.exitCode()).as(done.all()).isEqualTo(ExitCodes.OK);
		assertThat(fake.chatRequests()).hasSize(ARTICLES);
		assertThat(host("host-c").run("status").stdout()).contains("COMPLETED");
	}

	@Test
	void aRunKilledOnOneHostIsRestartedFromAnother() throws Exception {
		fake.holdAfter(3);
		JarProcess.Running killed = host("host-a").start("run");
		fake.awaitHeld(1);
		killed.process().destroyForcibly(); // SIGKILL: its session, and so its lock, ends with it
		killed.process().waitFor();
		fake.release();

		JarProcess.Result restart = host("host-b").run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(restart.all()).contains("left running by a process that ended abruptly");
		for (int i = 1; i <= ARTICLES; i++) {
			assertThat(output.resolve("article-" + i + ".en.md")).exists();
			assertThat(output.resolve("article-" + i + ".summary.md")).exists();
		}
		assertThat(fake.chatRequests().size()).as("at most the call in flight paid twice").isLessThanOrEqualTo(ARTICLES + 1);
		JarProcess.Result night = host("host-c").run("run");
		assertThat(night.stdout()).contains("0 translated, " + ARTICLES + " unchanged");
	}

	@Test
	void anHsqldbHistoryCopiedOverKeepsItsLedgerAndTheNextRunSendsNothing() throws Exception {
		JarProcess embedded = host("old-host").env("PASSERELLE_DATABASE_URL", "");
		assertThat(embedded.run("run").exitCode()).isEqualTo(ExitCodes.OK);
		assertThat(fake.chatRequests()).hasSize(ARTICLES);

		JarProcess.Result copy = embedded.run("copy-history", "--to", url);

		assertThat(copy.exitCode()).as(copy.all()).isEqualTo(ExitCodes.OK);
		assertThat(copy.stdout()).contains("1 runs").contains(ARTICLES + " ledger rows");
		assertThat(copy.all()).doesNotContain(PostgresServer.PASSWORD);
		JarProcess.Result night = host("new-host").run("run");
		assertThat(night.exitCode()).as(night.all()).isEqualTo(ExitCodes.OK);
		assertThat(night.stdout()).contains("0 translated, " + ARTICLES + " unchanged");
		assertThat(fake.chatRequests()).as("nothing translated twice").hasSize(ARTICLES);
		assertThat(host("new-host").run("status").stdout().lines().filter(line -> line.contains(" COMPLETED ")))
			.as("the copied run and the new one").hasSize(2);

		JarProcess.Result again = embedded.run("copy-history", "--to", url);
		assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(again.stderr()).contains("already holds a history");
	}

	@Test
	void badDatabaseSettingsStopTheRunBeforeAnyArticleIsRead() throws Exception {
		JarProcess.Result scheme = host("a").env("PASSERELLE_DATABASE_URL", "jdbc:mysql://db:3306/passerelle").run("run");
		JarProcess.Result password = host("b").env("PASSERELLE_DATABASE_PASSWORD", "not-the-password-42").run("run");

		assertThat(scheme.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(scheme.stderr().strip()).startsWith("passerelle: database error: PASSERELLE_DATABASE_URL must be")
			.doesNotContain("\n");
		assertThat(password.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(password.stderr()).contains("PASSERELLE_DATABASE_USER / PASSERELLE_DATABASE_PASSWORD")
			.doesNotContain("not-the-password-42");
		assertThat(fake.chatRequests()).isEmpty();
		assertThat(output).doesNotExist();
	}

}
