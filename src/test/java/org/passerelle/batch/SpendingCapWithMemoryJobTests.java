package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changes that several updated articles send together count against the run's spending cap like
 * any request: the run stops at the cap in that step as it does in the translating step, writes what was
 * already answered, and its restart sends the rest, each change paid for once.
 */
@SpringBootTest
class SpendingCapWithMemoryJobTests {

	/**
	 * Measured: a shared request for the changes of 8 of these articles is estimated at about 7,300 tokens
	 * (the answer's allowance is generous) and billed about 1,400. One such request fits; a second, after
	 * the first was billed, does not.
	 */
	private static final long CAP_TOKENS = 8_000;

	private static final int ARTICLES = 16;

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.chunk-size", "4")
		// one call at a time: the first shared request is billed before the second asks the cap
		.with("passerelle.llm.concurrency", "1")
		.with("passerelle.spending.max-tokens-per-run", String.valueOf(CAP_TOKENS));

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@Test
	void theChangesSentTogetherCountAgainstTheCapAndTheRunStopsThereKeepingWhatWasAnswered() throws Exception {
		// night 1, two articles a run so that each run stays under the cap
		for (int i = 1; i <= ARTICLES; i++) {
			write(i, false);
			if (i % 2 == 0) {
				assertThat(runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false)).status())
					.isEqualTo("COMPLETED");
			}
		}
		for (int i = 1; i <= ARTICLES; i++) {
			write(i, true);
		}
		fake.forgetRequests();

		RunSummary night = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 2), false));

		assertThat(night.status()).isEqualTo("STOPPED");
		assertThat(night.capReached()).isEqualTo("the cap of 8,000 tokens");
		assertThat(night.totalTokens()).as("billed within the cap, the shared request included").isPositive()
			.isLessThanOrEqualTo(CAP_TOKENS);
		assertThat(sentTimes(1)).as("the first shared request went").isEqualTo(1);
		assertThat(night.written()).as("the articles whose changes were answered are written").isEqualTo(8);
		assertThat(night.failed()).isZero();
		assertThat(night.deferred()).isEqualTo(ARTICLES - 8);
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).isZero();

		RunSummary last = night;
		int restarts = 0;
		while (!last.status().equals("COMPLETED") && restarts++ < 10) {
			Optional<RunSummary> restarted = runs.restart(null);
			assertThat(restarted).as("the stopped run can be restarted").isPresent();
			last = restarted.get();
		}

		assertThat(last.status()).isEqualTo("COMPLETED");
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).isZero();
		for (int i = 1; i <= ARTICLES; i++) {
			assertThat(sentTimes(i)).as("the added paragraph of article %d paid for once", i).isEqualTo(1);
			assertThat(Files.readString(output.resolve(name(i) + ".en.md"))).as(name(i))
				.contains("with the figures " + (100 + i));
		}
	}

	private void write(int i, boolean updated) throws IOException {
		// paragraphs of this article only, or night 1 would find them in its earlier runs
		List<String> paragraphs = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			paragraphs.add(TestArticles.NEWS_SENTENCES.get((i + 3 * k) % 10) + " La dépêche " + i + " y revient.");
		}
		if (updated) {
			paragraphs.add(added(i));
		}
		Files.writeString(input.resolve(name(i) + ".txt"),
				"Dépêche " + i + " : la réforme des communes\n\n" + String.join("\n\n", paragraphs) + "\n");
	}

	private static String name(int i) {
		return String.format("depeche-%02d", i);
	}

	private static String added(int i) {
		return "Mise à jour : le conseil municipal numéro " + (100 + i) + " a voté la motion dans la soirée.";
	}

	/** How many requests carried article i's added paragraph to translate (context does not count). */
	private static long sentTimes(int i) {
		long times = 0;
		for (FakeLlmServer.Recorded request : fake.chatRequests()) {
			JsonNode payload = request.article();
			List<JsonNode> articles = new ArrayList<>();
			if (payload.has("articles")) {
				payload.get("articles").forEach(articles::add);
			}
			else {
				articles.add(payload);
			}
			for (JsonNode article : articles) {
				for (JsonNode paragraph : article.path("paragraphs")) {
					if (paragraph.asString().equals(added(i))) {
						times++;
					}
				}
			}
		}
		return times;
	}

}
