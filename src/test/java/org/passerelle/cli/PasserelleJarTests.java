package org.passerelle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;
import org.passerelle.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar, as cron runs it: a child JVM in a directory with {@code input/}, settings from the
 * environment, a fake provider on a local port. Runs in {@code ./mvnw verify}, after packaging.
 */
class PasserelleJarTests {

	private static final String SECRET = "sk-never-print-me-4242";

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension(SECRET);

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@BeforeEach
	void setUp() throws IOException {
		TestArticles.writeThreeArticles(home.resolve("input"));
	}

	@Test
	void runTranslatesTheFolderAndStatusShowsTheRun() throws Exception {
		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
		assertThat(run.stdout()).contains("COMPLETED. 3 read, 3 translated, 0 unchanged, 0 failed, 0 retries");
		assertThat(home.resolve("output/politique/budget.en.md")).exists();
		assertThat(home.resolve("output/sport.summary.md")).exists();
		assertThat(Files.isDirectory(home.resolve(".passerelle/db"))).as("the history's file, unless it is on a server")
			.isEqualTo(!TestDatabase.postgresql());

		JarProcess.Result status = passerelle.run("status");

		assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCodes.OK);
		assertThat(status.stdout()).contains("STATUS").contains("COMPLETED");

		JarProcess.Result secondNight = passerelle.run("run");

		assertThat(secondNight.exitCode()).isEqualTo(ExitCodes.OK);
		assertThat(secondNight.stdout()).contains("0 translated, 3 unchanged");
		assertThat(fake.chatRequests()).hasSize(3);
	}

	@Test
	void dryRunShowsWhatWouldBeSentAndSendsAndWritesNothing() throws Exception {
		Files.write(home.resolve("input/empty.txt"), new byte[0]);
		passerelle.env("PASSERELLE_LLM_INPUT_PRICE_PER_MILLION", "0.15").env("PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION", "0.60");

		JarProcess.Result dryRun = passerelle.run("run", "--dry-run");

		assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(ExitCodes.OK);
		assertThat(dryRun.stdout()).contains("3 articles to translate").contains("1 unusable")
			.contains("3 requests").contains("Estimated tokens:").contains("Estimated cost: 0.00")
			.contains("empty.txt: the file is empty");
		assertThat(fake.chatRequests()).as("nothing sent, not even the provider check").isEmpty();
		assertThat(home.resolve("output")).doesNotExist();
		assertThat(passerelle.run("status").stdout()).contains("No runs yet");

		JarProcess.Result run = passerelle.run("run");
		JarProcess.Result afterwards = passerelle.run("run", "--dry-run");

		assertThat(run.stdout()).contains("3 translated").contains("cost 0.00");
		assertThat(afterwards.stdout()).contains("0 articles to translate").contains("3 unchanged");
	}

	@Test
	void theApiKeyAppearsInNoOutputLogOrDatabaseFile() throws Exception {
		passerelle.env("PASSERELLE_LLM_BASE_URL", fake.openAiBaseUrl());
		Files.write(home.resolve("input/empty.txt"), new byte[0]);

		JarProcess.Result run = passerelle.run("run");
		JarProcess.Result status = passerelle.run("status");

		assertThat(fake.chatRequests()).isNotEmpty()
			.allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + SECRET));
		assertThat(run.all() + status.all()).doesNotContain(SECRET);
		try (Stream<Path> files = Files.walk(home)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
					.doesNotContain(SECRET);
			}
		}
	}

	@Test
	void unreachableProviderExitsTwoWithAdviceBeforeTheHistoryIsOpenedAndCreatesNoExecution() throws Exception {
		fake.close();

		for (String command : List.of("run", "restart", "retry-failed")) {
			JarProcess.Result run = passerelle.run(command);

			assertThat(run.exitCode()).as(command + ": " + run.all()).isEqualTo(ExitCodes.USAGE);
			assertThat(run.stderr()).as(command).contains("cannot reach openai").contains("PASSERELLE_LLM_BASE_URL");
		}
		assertThat(home.resolve(".passerelle/db")).as("the provider is asked before the history's file is opened")
			.doesNotExist();
		assertThat(passerelle.run("status").stdout()).contains("No runs yet");
	}

	@Test
	void refusedKeyExitsTwoNamingTheSettingBeforeTheHistoryIsOpened() throws Exception {
		fake.failWith(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET + ".\",\"type\":"
				+ "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr()).contains("refused the API key").contains("Set PASSERELLE_LLM_API_KEY to a valid key")
			.doesNotContain(SECRET);
		assertThat(home.resolve(".passerelle/db")).as("the provider is asked before the history's file is opened")
			.doesNotExist();
		assertThat(fake.answeredTitles()).isEmpty();
	}

	@Test
	void missingModelExitsTwoSayingHowToPullItBeforeTheHistoryIsOpened() throws Exception {
		JarProcess.Result run = passerelle.env("PASSERELLE_LLM_PROVIDER", "ollama")
			.env("PASSERELLE_LLM_BASE_URL", fake.baseUrl())
			.env("PASSERELLE_LLM_MODEL", "absent-model")
			.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr()).contains("does not have the model 'absent-model'")
			.contains("ollama pull absent-model")
			.contains(FakeLlmServer.MODEL);
		assertThat(home.resolve(".passerelle/db")).as("the provider is asked before the history's file is opened")
			.doesNotExist();
		assertThat(fake.answeredTitles()).isEmpty();
	}

	@Test
	void wrongSettingIsOneReadableLineAndExitTwo() throws Exception {
		JarProcess.Result run = passerelle.env("PASSERELLE_LLM_PROVIDER", "mistral").run("run");

		assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr().strip()).isEqualTo(
				"passerelle: configuration error: PASSERELLE_LLM_PROVIDER is 'mistral'; expected one of ollama, openai, anthropic");
	}

	@Test
	void unknownCommandOrBadDateIsAUsageError() throws Exception {
		assertThat(passerelle.run("translate").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(passerelle.run("run", "--date", "23/11/2026").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(passerelle.run("run", "--help").exitCode()).isEqualTo(ExitCodes.OK);
	}

	@Test
	void aSecondRunOrAnyOtherCommandWhileOneIsInProgressIsRefusedAtOnceWithExitThree() throws Exception {
		// the first run waits on the provider until the others have exited, however long their JVMs take to start
		fake.hold();
		JarProcess.Running first = passerelle.start("run");
		fake.awaitHeld(1);

		JarProcess.Result second = passerelle.run("run");

		assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.LOCKED);
		assertThat(second.stderr()).contains("another Passerelle process is running");
		// with the history on a server, the read-only commands read it from anywhere at any time
		List<String> refusedCommands = TestDatabase.postgresql() ? List.of("restart", "retry-failed")
				: List.of("restart", "retry-failed", "failures");
		for (String command : refusedCommands) {
			JarProcess.Result refused = passerelle.run(command);
			assertThat(refused.exitCode()).as(command + ": " + refused.all()).isEqualTo(ExitCodes.LOCKED);
		}
		if (TestDatabase.postgresql()) {
			JarProcess.Result failures = passerelle.run("failures");
			assertThat(failures.exitCode()).as("failures answers: " + failures.all()).isEqualTo(ExitCodes.OK);
		}
		JarProcess.Result status = passerelle.run("status");
		assertThat(status.exitCode()).as("status answers instead: " + status.all()).isEqualTo(ExitCodes.OK);
		// on a server, status reads the run from the database itself: STARTED, with its committed counts
		assertThat(status.stdout()).contains(TestDatabase.postgresql() ? "STARTED" : "RUNNING");
		fake.release();
		JarProcess.Result firstResult = first.await();
		assertThat(firstResult.exitCode()).as(firstResult.all()).isEqualTo(ExitCodes.OK);
		assertThat(firstResult.stdout()).contains("3 translated");
	}

	@Test
	void quotaUsedUpExitsTwoAtOnceNamingWhatToDoAndMarksNothingFailed() throws Exception {
		fake.failChatsWith(FakeLlmServer.Reply.quotaUsedUp());

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.stderr()).contains("quota is used up").contains("add credit");
		assertThat(fake.answeredTitles()).isEmpty();
		assertThat(passerelle.run("failures").stdout()).contains("No failed articles.");
	}

	@Test
	void providerDownForFiveArticlesInARowExitsOneAndMarksNothingFailed() throws Exception {
		for (int i = 1; i <= 4; i++) {
			TestArticles.write(home.resolve("input/depeche-" + i + ".txt"), "Dépêche " + i + "\n\nLe texte de la dépêche " + i + ".\n");
		}
		fake.failChatsWith(FakeLlmServer.Reply.overloaded());

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.JOB_FAILED);
		assertThat(run.stdout()).contains("FAILED");
		assertThat(passerelle.run("failures").stdout()).as("an outage is not the articles' fault").contains("No failed articles.");

		fake.reset();
		JarProcess.Result restart = passerelle.run("restart");
		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(fake.answeredTitles()).hasSize(7);
	}

	@Test
	void spendingCapReachedExitsFiveAndRestartFinishesTheRest() throws Exception {
		// below one request's estimate, so that where the cap falls depends on no estimate's exact size (the
		// job tests cover a cap reached part-way): nothing is sent, and the run stops at the cap
		JarProcess.Result run = passerelle.env("PASSERELLE_MAX_TOKENS_PER_RUN", "1000").run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SPENDING_CAP);
		assertThat(run.all()).contains("stopped at the cap of 1,000 tokens: 0 articles translated, 3 left");
		assertThat(fake.chatRequests()).isEmpty();
		assertThat(passerelle.run("failures").stdout()).contains("No failed articles.");

		JarProcess.Result restart = passerelle.env("PASSERELLE_MAX_TOKENS_PER_RUN", "1000000").run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(fake.answeredTitles()).hasSize(3).allSatisfy((title, answers) -> assertThat(answers).as(title).isEqualTo(1));
	}

	@Test
	void someArticlesFailingExitsFourAndTheRestIsWritten() throws Exception {
		fake.answer(article -> article.get("title").asString().startsWith("Municipales")
				? Map.of("title", "Turnout", "paragraphs", List.of(), "summary", "Turnout is up.")
				: FakeLlmServer.translate(article));

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SOME_ARTICLES_FAILED);
		assertThat(run.all()).contains("politique/elections.md: FAILED, the answer has 0 paragraphs for the article's 3");
		assertThat(home.resolve("output/sport.en.md")).exists();
	}

	@Test
	void outputThatCannotBeWrittenFailsTheJobWithExitOne() throws Exception {
		// a file where the output needs a directory: the write fails, which is not the article's fault
		Files.createDirectories(home.resolve("output"));
		Files.writeString(home.resolve("output/politique"), "in the way");

		JarProcess.Result run = passerelle.run("run");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.JOB_FAILED);
		assertThat(run.stdout()).contains("FAILED");
		assertThat(run.stderr()).contains("the job failed");
	}

}
