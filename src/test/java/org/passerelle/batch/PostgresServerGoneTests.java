package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server goes away in the middle of a run: the run stops, no article is marked failed for
 * it and no output is left half written; once the server is back, {@code restart} finishes the run.
 */
@SpringBootTest
class PostgresServerGoneTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.chunk-size", "2")
		.with("passerelle.llm.concurrency", "1");

	static final FakeLlmServer fake = provider.fake();

	static PostgresServer server;

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		server = PostgresServer.start();
		String url = server.newDatabase();
		provider.register(registry);
		registry.add("passerelle.database.url", () -> url);
		registry.add("passerelle.database.user", () -> PostgresServer.USER);
		registry.add("passerelle.database.password", () -> PostgresServer.PASSWORD);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theRunStopsWithNothingMarkedFailedAndARestartFinishesItOnceTheServerIsBack() throws Exception {
		for (int i = 1; i <= 6; i++) {
			TestArticles.write(input.resolve("article-" + i + ".txt"),
					"Titre numéro " + i + "\n\nLe conseil municipal a voté le budget " + i + " hier soir.\n");
		}
		fake.answer(FakeLlmServer::translate).holdAfter(3);
		CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
			try {
				return runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		fake.awaitHeld(1);

		server.stop();
		fake.release();

		String outcome;
		try {
			outcome = run.get(2, TimeUnit.MINUTES).status();
		}
		catch (ExecutionException ex) {
			outcome = "threw " + ex.getCause();
		}
		assertThat(outcome).as("the run did not complete").isNotEqualTo("COMPLETED");
		assertThat(halfPairs()).as("no translation without its summary").isEmpty();

		server.startAgain();
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).as("no article blamed for the database").isZero();
		long sentBefore = fake.chatRequests().size();

		RunSummary restarted = runs.restart(null).orElseThrow();

		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(ledger.countByStatus(ArticleLedger.SUCCEEDED)).isEqualTo(6);
		assertThat(ledger.countByStatus(ArticleLedger.FAILED)).isZero();
		assertThat(fake.chatRequests().size() - sentBefore).as("at most the articles not committed before are sent again")
			.isLessThanOrEqualTo(4);
		assertThat(halfPairs()).isEmpty();
	}

	private List<Path> halfPairs() throws IOException {
		try (Stream<Path> files = Files.list(output)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".en.md"))
				.filter(file -> !Files.exists(file.resolveSibling(file.getFileName().toString().replace(".en.md", ".summary.md"))))
				.toList();
		}
	}

}
