package org.passerelle.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.history.HistoryDatabase;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code memory} command as a user types it, on the jar and the history it keeps: how many titles and
 * paragraphs the memory holds, forgetting what was not used for some days (then paid again when needed)
 * and what one engine made, and the usage errors.
 */
class MemoryJarTests {

	@TempDir
	Path data;

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@Test
	void memoryShowsItsSizeForgetsByAgeAndByEngineAndWhatWasForgottenIsPaidAgain() throws Exception {
		JarProcess.Result empty = passerelle.run("memory");
		assertThat(empty.exitCode()).as(empty.all()).isEqualTo(ExitCodes.OK);
		assertThat(empty.stdout()).contains("The translation memory holds 0 titles and paragraphs.");

		TestArticles.writeThreeArticles(data.resolve("input"));
		JarProcess.Result night = passerelle.run("run", "--input", data.resolve("input").toString(), "--output",
				data.resolve("output").toString());
		assertThat(night.exitCode()).as(night.all()).isEqualTo(ExitCodes.OK);
		// three titles and six paragraphs
		assertThat(passerelle.run("memory").stdout()).contains("holds 9 titles and paragraphs.");

		// the football article was last used 100 days ago; the other two are recent
		int aged = ageArticleOfParagraph("87", Duration.ofDays(100));
		assertThat(aged).as("its title and its paragraph").isEqualTo(2);
		JarProcess.Result byAge = passerelle.run("memory", "--forget-unused-for", "90");
		assertThat(byAge.exitCode()).as(byAge.all()).isEqualTo(ExitCodes.OK);
		assertThat(byAge.stdout()).contains("Forgot 2 titles and paragraphs not used for 90 days.")
			.contains("holds 7 titles and paragraphs.");

		// the football article updated: with its title and paragraph forgotten, it goes whole to the model
		TestArticles.write(data.resolve("input/sport.txt"), """
				Le club de Rennes se qualifie pour les quarts de finale

				Les Rennais se sont imposés 2 à 1 face à Lens, grâce à un but inscrit à la 87e minute.

				Le tirage au sort des quarts de finale aura lieu dimanche soir au siège de la fédération.
				""");
		fake.forgetRequests();
		JarProcess.Result again = passerelle.run("run", "--input", data.resolve("input").toString(), "--output",
				data.resolve("output").toString());
		assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.OK);
		assertThat(fake.chatRequests()).as("only what was forgotten is paid again").singleElement()
			.satisfies(request -> assertThat(request.article().get("title").asString()).startsWith("Le club de Rennes"));
		assertThat(passerelle.run("memory").stdout()).contains("holds 10 titles and paragraphs.");

		JarProcess.Result otherEngine = passerelle.run("memory", "--forget-engine", "openai/gpt-4o-mini");
		assertThat(otherEngine.exitCode()).as(otherEngine.all()).isEqualTo(ExitCodes.OK);
		assertThat(otherEngine.stdout()).contains("Forgot 0 titles and paragraphs made by openai/gpt-4o-mini.")
			.contains("holds 10 titles and paragraphs.");
		JarProcess.Result thisEngine = passerelle.run("memory", "--forget-engine", "openai/" + FakeLlmServer.MODEL);
		assertThat(thisEngine.exitCode()).as(thisEngine.all()).isEqualTo(ExitCodes.OK);
		assertThat(thisEngine.stdout()).contains("Forgot 10 titles and paragraphs made by openai/" + FakeLlmServer.MODEL)
			.contains("holds 0 titles and paragraphs.");
	}

	@Test
	void aBadNumberOfDaysOrAnEngineWithoutItsModelIsAUsageError() throws Exception {
		JarProcess.Result days = passerelle.run("memory", "--forget-unused-for", "0");
		assertThat(days.exitCode()).as(days.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(days.stderr()).contains("--forget-unused-for takes a number of days, 1 or more");
		JarProcess.Result engine = passerelle.run("memory", "--forget-engine", "openai");
		assertThat(engine.exitCode()).as(engine.all()).isEqualTo(ExitCodes.USAGE);
		assertThat(engine.stderr()).contains("--forget-engine takes PROVIDER/MODEL");
	}

	/** Sets back the last use of every title and paragraph of the article this paragraph's English is in. */
	private int ageArticleOfParagraph(String english, Duration ago) throws Exception {
		String url = passerelle.env("PASSERELLE_DATABASE_URL")
			.orElse(HistoryDatabase.embedded(home.resolve(".passerelle")).url());
		try (Connection connection = DriverManager.getConnection(url,
				passerelle.env("PASSERELLE_DATABASE_USER").orElse("SA"),
				passerelle.env("PASSERELLE_DATABASE_PASSWORD").orElse(""));
				PreparedStatement age = connection.prepareStatement("UPDATE PASSERELLE_MEMORY_SEGMENT SET USED_AT = ? "
						+ "WHERE ARTICLE_KEY = (SELECT ARTICLE_KEY FROM PASSERELLE_MEMORY_SEGMENT WHERE KIND = 'P' "
						+ "AND ENGLISH LIKE ?)")) {
			age.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
			age.setString(2, "%" + english + "%");
			int aged = age.executeUpdate();
			if (url.startsWith("jdbc:hsqldb:")) {
				try (Statement shutdown = connection.createStatement()) {
					// the file is the jar's again once this closes it
					shutdown.execute("SHUTDOWN");
				}
			}
			return aged;
		}
	}

}
