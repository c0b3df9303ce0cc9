package org.passerelle.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night in batch mode killed while it waits for the provider (kill -9, a reboot): {@code restart} polls
 * the batch the first process submitted, submits nothing, and every article comes out, none answered twice.
 */
class BatchRestartJarTests {

	private static final int ARTICLES = 20;

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@BeforeEach
	void setUp() throws Exception {
		for (int i = 1; i <= ARTICLES; i++) {
			TestArticles.write(home.resolve(String.format("input/depeche-%02d.txt", i)), "Dépêche numéro " + i
					+ " sur la réforme\n\n" + TestArticles.NEWS_SENTENCES.get(i % 10) + "\n");
		}
		passerelle.env("PASSERELLE_LLM_BATCH_POLL_INTERVAL", "100ms")
			.env("PASSERELLE_LLM_INPUT_PRICE_PER_MILLION", "2.00")
			.env("PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION", "8.00");
	}

	@Test
	void killedWhileWaitingForItsBatchTheRunIsFinishedByRestartWithOneBatchSubmitted() throws Exception {
		fake.batches().hold();
		JarProcess.Running night = passerelle.start("run", "--batch");
		// the batch is submitted and its id saved before the first poll
		fake.batches().awaitPolls(1);

		night.process().destroyForcibly();
		night.process().waitFor();
		fake.batches().release();
		JarProcess.Result restart = passerelle.run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(restart.stdout()).contains("COMPLETED. " + ARTICLES + " read, " + ARTICLES + " translated")
			.contains("by batch, at 50% of the price");
		assertThat(fake.batches().created()).as("one batch, polled again by the restart").isEqualTo(1);
		assertThat(fake.batches().answeredIds()).hasSize(ARTICLES).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
		assertThat(fake.chatRequests()).as("nothing sent live").isEmpty();
		for (int i = 1; i <= ARTICLES; i++) {
			assertThat(home.resolve(String.format("output/depeche-%02d.en.md", i))).exists();
		}
		JarProcess.Result status = passerelle.run("status");
		assertThat(status.stdout()).contains("COMPLETED");
	}

	@Test
	void dryRunInBatchModeShowsTheBatchPriceBesideTheLiveOne() throws Exception {
		JarProcess.Result dryRun = passerelle.run("run", "--dry-run", "--batch");

		assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(ExitCodes.OK);
		assertThat(dryRun.stdout()).containsPattern("Estimated cost: \\d+\\.\\d{4} live, \\d+\\.\\d{4} through the batch API \\(50% of the price\\)");
		assertThat(fake.batches().created()).isZero();
		assertThat(passerelle.env("PASSERELLE_LLM_PROVIDER", "ollama").run("run", "--batch").stderr())
			.contains("batch mode needs a provider with a batch API");
	}

}
