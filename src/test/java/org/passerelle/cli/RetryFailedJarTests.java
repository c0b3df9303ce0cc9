package org.passerelle.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rerun command that {@code failures} suggests, typed as it is, with no options, from a work
 * directory whose runs read folders elsewhere: it must find every failed article where it came from.
 */
class RetryFailedJarTests {

	@TempDir
	Path data;

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@Test
	void aBareRetryFailedRetriesEveryFailedArticleFromItsOwnFoldersAndTheFailuresListEndsEmpty() throws Exception {
		TestArticles.writeThreeArticles(data.resolve("lemonde"));
		TestArticles.writeThreeArticles(data.resolve("liberation"));
		Files.writeString(data.resolve("liberation/rapport.pdf"), "%PDF");
		fake.answer(article -> article.get("title").asString().startsWith("Municipales")
				? Map.of("title", "", "paragraphs", List.of(), "summary", "")
				: FakeLlmServer.translate(article));

		JarProcess.Result lemonde = passerelle.run("run", "--input", data.resolve("lemonde").toString(), "--output",
				data.resolve("out/lemonde").toString());
		JarProcess.Result liberation = passerelle.run("run", "--input", data.resolve("liberation").toString(), "--output",
				data.resolve("out/liberation").toString());

		assertThat(lemonde.exitCode()).as(lemonde.all()).isEqualTo(ExitCodes.SOME_ARTICLES_FAILED);
		assertThat(liberation.stdout()).contains("2 translated, 0 unchanged, 1 failed")
			.contains("1 file skipped (not articles): 1 .pdf");
		JarProcess.Result failures = passerelle.run("failures");
		assertThat(failures.stdout()).contains("in " + data.resolve("lemonde").toAbsolutePath().normalize())
			.contains("in " + data.resolve("liberation").toAbsolutePath().normalize()).contains("2 failed.");
		assertThat(passerelle.run("status").stdout()).contains("1 file skipped (not articles): 1 .pdf");

		fake.answer(FakeLlmServer::translate);
		JarProcess.Result retry = passerelle.run("retry-failed");

		assertThat(retry.exitCode()).as(retry.all()).isEqualTo(ExitCodes.OK);
		assertThat(retry.stdout()).contains("2 failed article(s) found in 2 folder(s); 2 sent again, 0 gone");
		assertThat(data.resolve("out/lemonde/politique/elections.en.md")).exists();
		assertThat(data.resolve("out/liberation/politique/elections.en.md")).exists();
		assertThat(home.resolve("output")).as("nothing goes to the default folder").doesNotExist();
		assertThat(passerelle.run("failures").stdout()).contains("No failed articles.");
		assertThat(passerelle.run("retry-failed").stdout()).contains("No failed articles to retry.");
	}

}
