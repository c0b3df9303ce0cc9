package org.passerelle.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run with a spending cap stops sending when the next request would cross it, ends STOPPED with
 * nothing marked failed, and its restarts finish the rest, every article paid for once.
 */
@SpringBootTest
class SpendingCapJobTests {

	/** About three articles' worth: each request is estimated at some 800 tokens and billed at some 350. */
	private static final long CAP_TOKENS = 2_500;

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.chunk-size", "4")
		// one call at a time, so that "where the cap falls" does not depend on which thread is faster
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
	void aRunStopsAtTheCapWithNothingFailedAndItsRestartsFinishTheRestPayingOnce() throws Exception {
		for (int i = 1; i <= 10; i++) {
			TestArticles.write(input.resolve(String.format("depeche-%02d.txt", i)), "Dépêche " + i + " : la réforme des communes\n\n"
					+ TestArticles.NEWS_SENTENCES.get(i % 10) + "\n\n" + TestArticles.NEWS_SENTENCES.get((i + 1) % 10) + "\n");
		}

		RunSummary first = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), false));

		assertThat(first.status()).isEqualTo("STOPPED");
		assertThat(first.capReached()).isEqualTo("the cap of 2,500 tokens");
		assertThat(first.written()).isBetween(1L, 9L);
		assertThat(first.totalTokens()).as("billed within the cap").isLessThanOrEqualTo(CAP_TOKENS);
		assertThat(first.failed()).isZero();
		assertThat(first.deferred()).as("what is left: the chunk's unsent articles and the ones not read yet")
			.isEqualTo(10 - first.written());
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).isZero();

		RunSummary last = first;
		int restarts = 0;
		while (!last.status().equals("COMPLETED") && restarts++ < 10) {
			Optional<RunSummary> restarted = runs.restart(null);
			assertThat(restarted).as("the stopped run can be restarted").isPresent();
			assertThat(restarted.get().written()).as("each restart makes progress").isPositive();
			last = restarted.get();
		}

		assertThat(last.status()).isEqualTo("COMPLETED");
		assertThat(ledger.countByStatus(ArticleLedger.SUCCEEDED)).isEqualTo(10);
		Map<String, Integer> answered = fake.answeredTitles();
		assertThat(answered).hasSize(10).allSatisfy((title, times) -> assertThat(times).as(title).isEqualTo(1));
		for (int i = 1; i <= 10; i++) {
			assertThat(output.resolve(String.format("depeche-%02d.en.md", i))).exists();
		}
	}

}
