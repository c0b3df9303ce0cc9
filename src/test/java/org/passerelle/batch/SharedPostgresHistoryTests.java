package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.history.FolderInUseException;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs sharing one history on PostgreSQL: launches at the same moment on different folders all go
 * through (Spring Batch's SERIALIZABLE default would fail some of them there), two on one folder do not.
 */
@SpringBootTest
class SharedPostgresHistoryTests {

	// empties the ledger and the translation memory before each test: the tests translate the same three
	// articles, and from memory the second would ask nothing
	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi();

	static final FakeLlmServer fake = provider.fake();

	@Autowired
	TranslationRuns runs;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path root;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		provider.register(registry);
		// on PostgreSQL whichever database the other job tests use
		String url = PostgresServer.shared().newDatabase();
		registry.add("passerelle.database.url", () -> url);
		registry.add("passerelle.database.user", () -> PostgresServer.USER);
		registry.add("passerelle.database.password", () -> PostgresServer.PASSWORD);
	}

	@AfterEach
	void letGo() {
		fake.release();
		fake.reset();
	}

	@Test
	void fourLaunchesAtOnceOnFourFoldersAllComplete() throws Exception {
		fake.answer(FakeLlmServer::translate);
		int folders = 4;
		CyclicBarrier together = new CyclicBarrier(folders);
		List<CompletableFuture<RunSummary>> launched = new ArrayList<>();
		for (int i = 0; i < folders; i++) {
			Path input = Files.createDirectories(root.resolve("in-" + i));
			TestArticles.writeThreeArticles(input);
			Path output = root.resolve("out-" + i);
			launched.add(CompletableFuture.supplyAsync(() -> {
				try {
					together.await(1, TimeUnit.MINUTES);
					return runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}

		for (CompletableFuture<RunSummary> run : launched) {
			RunSummary summary = run.get(2, TimeUnit.MINUTES);
			assertThat(summary.status()).isEqualTo("COMPLETED");
			assertThat(summary.written()).isEqualTo(3);
		}
		assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(DISTINCT JOB_EXECUTION_ID) FROM PASSERELLE_ARTICLE")
			.query(Long.class).single()).isGreaterThanOrEqualTo(folders);
	}

	@Test
	void aSecondRunOnAFolderInProgressIsRefusedAtOnceNamingTheHolder() throws Exception {
		fake.answer(FakeLlmServer::translate).hold();
		Path input = Files.createDirectories(root.resolve("in"));
		TestArticles.writeThreeArticles(input);
		RunRequest request = new RunRequest(input, root.resolve("out"), LocalDate.of(2026, 12, 1), false);
		CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> {
			try {
				return runs.run(request);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		fake.awaitHeld(3); // every article of the first run asked: whatever comes next is the second's
		int sent = fake.chatRequests().size();

		assertThatThrownBy(() -> runs.run(request)).isInstanceOf(FolderInUseException.class)
			.hasMessageContaining(input.toAbsolutePath().normalize().toString())
			.hasMessageContaining("pid " + ProcessHandle.current().pid());
		assertThat(fake.chatRequests()).as("the refused run sent nothing").hasSize(sent);

		fake.release();
		assertThat(first.get(2, TimeUnit.MINUTES).status()).as("and the first was left alone").isEqualTo("COMPLETED");
	}

}
