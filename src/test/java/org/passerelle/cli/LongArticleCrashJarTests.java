package org.passerelle.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.article.Article;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.JarProcess;
import org.passerelle.testing.PasserelleJarExtension;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long article killed part-way (kill -9) pays, once restarted, only for the parts it had not received:
 * each part's answer was kept in the work directory as it arrived.
 */
class LongArticleCrashJarTests {

	@RegisterExtension
	final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");

	final Path home = jar.home();

	final FakeLlmServer fake = jar.fake();

	final JarProcess passerelle = jar.passerelle();

	@BeforeEach
	void setUp() throws Exception {
		fake.contextTokens(2000);
		Article article = TestArticles.longArticle(3000);
		TestArticles.write(home.resolve("input/long.txt"), article.title() + "\n\n" + String.join("\n\n", article.paragraphs()));
		passerelle.env("PASSERELLE_LLM_CONTEXT_TOKENS", "2000")
			.env("PASSERELLE_LLM_CONCURRENCY", "1");
	}

	@Test
	void aLongArticleKilledPartWayPaysOnRestartOnlyForThePartInFlight() throws Exception {
		fake.holdAfter(4);
		JarProcess.Running run = passerelle.start("run");
		fake.awaitHeld(1);

		run.process().destroyForcibly();
		run.process().waitFor();
		fake.release();
		JarProcess.Result restart = passerelle.run("restart");

		assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCodes.OK);
		assertThat(restart.stdout()).contains("1 translated");
		Map<String, Integer> partRequests = new TreeMap<>();
		fake.chatRequests().stream().map(FakeLlmServer.Recorded::article).filter(sent -> sent.has("before"))
			.forEach(part -> partRequests.merge(part.toString(), 1, Integer::sum));
		assertThat(partRequests.size()).as("the article went in several parts").isGreaterThan(5);
		assertThat(partRequests.values().stream().filter(times -> times == 2).count())
			.as("only the part the kill interrupted was asked twice").isEqualTo(1);
		assertThat(partRequests.values()).allSatisfy(times -> assertThat(times).isBetween(1, 2));
		assertThat(home.resolve("output/long.en.md")).exists();
		assertThat(home.resolve(".passerelle/parts")).as("the parts are deleted once the article is committed")
			.isEmptyDirectory();
	}

}
