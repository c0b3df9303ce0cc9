package org.passerelle.batch;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A run through Anthropic's Message Batches, with LangChain4j's real Anthropic client reading the answers. */
@SpringBootTest
class AnthropicBatchJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.speaking(FakeLlmServer.Api.ANTHROPIC)
		.with("passerelle.llm.batch.poll-interval", "50ms");

	static final FakeLlmServer fake = provider.fake();

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
	void articlesComeOutOfAMessageBatchAndAnErroredItemIsSentLive() throws Exception {
		TestArticles.writeThreeArticles(input);
		fake.batches().errorFor("Le club de Rennes se qualifie pour les quarts de finale");

		RunSummary run = runs.run(new RunRequest(input, output, LocalDate.of(2026, 11, 24), false, false, true));

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.written()).isEqualTo(3);
		assertThat(fake.batches().created()).isEqualTo(1);
		assertThat(fake.batches().requests()).hasSize(3)
			.allSatisfy(params -> assertThat(params.path("max_tokens").asInt()).as("a Messages API body").isPositive());
		assertThat(fake.chatRequests()).as("the errored item, live, over the Messages API; nothing to an OpenAI endpoint")
			.singleElement().extracting(FakeLlmServer.Recorded::path).isEqualTo("/v1/messages");
		assertThat(fake.answeredTitles()).as("the errored item answered once, live, the others once in the batch")
			.containsOnly(org.assertj.core.api.Assertions.entry("Le club de Rennes se qualifie pour les quarts de finale", 1),
					org.assertj.core.api.Assertions.entry("Le Parlement adopte le budget 2027 après trois semaines de débats", 1),
					org.assertj.core.api.Assertions.entry("Municipales : la participation en hausse dans les grandes villes", 1));
		assertThat(output.resolve("sport.en.md")).exists();
		assertThat(run.batchInputTokens()).isPositive().isLessThan(run.inputTokens());
	}

}
