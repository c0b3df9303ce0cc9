package org.passerelle.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeLlmServer.Reply;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that takes the request and never answers: the client gives up at its timeout and the
 * article is retried. Alone in its context, so that its short timeout can touch no other test; the fake
 * keeps the first request silent until the retry arrives, so nothing races the timeout but the client.
 * The one clock here is the client's own timeout, with margins: a retry that also timed out on a very
 * busy machine would only be one more retry, and there are five.
 */
@SpringBootTest
class ProviderTimeoutJobTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		.with("passerelle.llm.timeout", TIMEOUT.toMillis() + "ms")
		.with("passerelle.llm.retry.max-retries", "5")
		.with("passerelle.llm.concurrency", "1");

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	@Autowired
	TranslationRuns runs;

	@TempDir
	Path input;

	@TempDir
	Path output;

	@Test
	void requestThatTimesOutIsRetried(FakeLlmServer fake) throws Exception {
		TestArticles.write(input.resolve("greve.txt"), "Grève à la SNCF\n\nLe trafic sera perturbé jeudi.\n");
		fake.thenReply(Reply.noAnswer());

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 23), false));

		assertThat(run.written()).isEqualTo(1);
		assertThat(run.failed()).isZero();
		assertThat(run.retries()).isPositive();
		assertThat(fake.chatRequests()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(fake.chatRequests().get(1).after(fake.chatRequests().get(0))).as("the client waited for its timeout")
			.isGreaterThanOrEqualTo(TIMEOUT);
	}

}
