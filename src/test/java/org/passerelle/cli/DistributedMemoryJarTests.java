package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.DistributedRunFixture;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.TestArticles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation memory in a distributed run: the manager sends the changes of the updated articles in
 * one shared request before it hands out partitions, and the workers that write those articles report
 * each one's share of that request's tokens, read from the database, not nothing.
 */
class DistributedMemoryJarTests {

	private static final Duration NIGHT = DistributedRunFixture.NIGHT;

	private static final int ARTICLES = 4;

	@TempDir
	Path home;

	@RegisterExtension
	final DistributedRunFixture run = new DistributedRunFixture(() -> home,
			process -> process.env("PASSERELLE_CHUNK_SIZE", "2"));

	private FakeLlmServer fake;

	@BeforeEach
	void setUp() {
		fake = run.fake();
	}

	@Test
	void workersReportTheShareOfTheRequestTheManagerSentTogether() throws Exception {
		writeArticles(false);
		JarProcess.Result night = process("manager").run("run");
		assertThat(night.exitCode()).as(night.all()).isEqualTo(ExitCodes.OK);
		writeArticles(true);
		fake.forgetRequests();
		long billedBefore = fake.promptTokenTotal();
		JarProcess.Running first = startWorker("first");
		JarProcess.Running second = startWorker("second");
		awaitReady(first);
		awaitReady(second);

		JarProcess.Result manager = process("manager").start("run", "--partitions", "2").await(NIGHT);

		assertThat(manager.exitCode()).as(manager.all()).isEqualTo(ExitCodes.OK);
		assertThat(manager.all()).contains("the changes of " + ARTICLES + " articles sent in 1 shared requests");
		assertThat(fake.chatRequests()).as("the one shared request, nothing else").hasSize(1);
		assertThat(first.output() + second.output()).contains("runs translateArticlesStep:partition");
		long input = 0;
		for (int i = 1; i <= ARTICLES; i++) {
			JsonNode meta = JsonMapper.builder().build()
				.readTree(home.resolve(String.format("output/article-%02d.meta.json", i)).toFile());
			assertThat(meta.get("tokens").get("input").asLong()).as("article %d: its share, as a worker wrote it", i)
				.isPositive();
			assertThat(meta.get("memory").get("paragraphs").asInt()).isEqualTo(3);
			input += meta.get("tokens").get("input").asLong();
		}
		assertThat(input).as("the shares add up to the request").isEqualTo(fake.promptTokenTotal() - billedBefore);
	}

	/**
	 * Between one article's changes (estimated at some 900 tokens) and the four articles' changes sent
	 * together (four times that): the shared request does not fit, a request of one article's would.
	 */
	private static final long CAP_TOKENS = 1_800;

	@Test
	void aCapReachedByTheChangesSentTogetherHoldsForEveryWorker() throws Exception {
		writeArticles(false);
		JarProcess.Result night = process("manager").run("run");
		assertThat(night.exitCode()).as(night.all()).isEqualTo(ExitCodes.OK);
		writeArticles(true);
		fake.forgetRequests();
		JarProcess.Running first = startWorker("first");
		JarProcess.Running second = startWorker("second");
		awaitReady(first);
		awaitReady(second);

		// the cap is the manager's, as every limit of a distributed run
		JarProcess.Result manager = process("manager").env("PASSERELLE_MAX_TOKENS_PER_RUN", String.valueOf(CAP_TOKENS))
			.start("run", "--partitions", "2")
			.await(NIGHT);

		assertThat(manager.exitCode()).as(manager.all()).isEqualTo(ExitCodes.SPENDING_CAP);
		assertThat(fake.chatRequests()).as("the run stopped at the cap: no worker sends an article's changes alone")
			.isEmpty();
	}

	private void writeArticles(boolean updated) throws IOException {
		for (int i = 1; i <= ARTICLES; i++) {
			List<String> paragraphs = new ArrayList<>();
			for (int k = 0; k < 3; k++) {
				paragraphs.add(TestArticles.NEWS_SENTENCES.get((i + 3 * k) % 10) + " La dépêche " + i + " y revient.");
			}
			if (updated) {
				paragraphs.add("Mise à jour : le conseil municipal numéro " + (100 + i) + " a voté la motion dans la soirée.");
			}
			TestArticles.write(home.resolve(String.format("input/article-%02d.txt", i)),
					"Dépêche " + i + " : la réforme des communes\n\n" + String.join("\n\n", paragraphs) + "\n");
		}
	}

	private JarProcess process(String name) {
		return run.process(name);
	}

	private JarProcess.Running startWorker(String name) throws IOException {
		return run.startWorker(process(name));
	}

	private static void awaitReady(JarProcess.Running worker) throws InterruptedException {
		DistributedRunFixture.awaitReady(worker);
	}

}
