package org.passerelle.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.article.Article;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long article, translated in parts the first night, then updated (a paragraph edited, one added):
 * the second night sends only its changed paragraphs, with their neighbours as context, as a short
 * article's changes go (in as many requests as the window needs), and writes the whole article.
 */
@SpringBootTest
class LongArticleMemoryJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi()
		// a small window, so that an article of 2,500 words goes in parts
		.with("passerelle.llm.context-tokens", "2500")
		.with("passerelle.llm.max-output-tokens", "1200");

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
	void aChangedLongArticleSendsOnlyItsChangedParagraphsWithTheirNeighbours() throws Exception {
		Article article = TestArticles.longArticle(2500);
		List<String> paragraphs = new ArrayList<>(article.paragraphs());
		Path file = input.resolve("long.txt");
		TestArticles.write(file, article.title() + "\n\n" + String.join("\n\n", paragraphs) + "\n");
		RunSummary first = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));
		assertThat(first.written()).isEqualTo(1);
		assertThat(fake.chatRequests()).as("the first night translates it in parts").hasSizeGreaterThan(2);

		int edited = paragraphs.size() / 2;
		String editedFrench = paragraphs.get(edited) + " Le bilan a été confirmé dimanche soir par les autorités.";
		String addedFrench = "Mise à jour : avec la déclaration du porte-parole, qui a confirmé les faits dans la soirée.";
		paragraphs.set(edited, editedFrench);
		paragraphs.add(addedFrench);
		TestArticles.write(file, article.title() + "\n\n" + String.join("\n\n", paragraphs) + "\n");
		fake.forgetRequests();

		RunSummary second = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 2), false));

		assertThat(second.written()).isEqualTo(1);
		assertThat(second.failed()).isZero();
		// in this small window one request cannot hold both changes with their context: one each, as parts
		assertThat(fake.chatRequests()).as("a request per changed paragraph, nothing else").hasSize(2);
		JsonNode before = fake.chatRequests().get(0).article();
		JsonNode then = fake.chatRequests().get(1).article();
		assertThat(texts(before.get("paragraphs"))).as("only the changed paragraphs are translated")
			.containsExactly(editedFrench);
		assertThat(texts(then.get("paragraphs"))).containsExactly(addedFrench);
		assertThat(texts(before.get("context"))).as("each with the paragraph before it, as context")
			.containsExactly(paragraphs.get(edited - 1));
		assertThat(texts(then.get("context"))).containsExactly(paragraphs.get(paragraphs.size() - 2));
		assertThat(texts(before.get("removed"))).as("what the edit replaced goes with the first").hasSize(1);
		assertThat(before.has("earlierSummary") && then.has("earlierSummary"))
			.as("the summary is revised, request after request, not written from the whole text").isTrue();
		assertThat(second.inputTokens()).as("a fraction of the first night").isLessThan(first.inputTokens() / 3);
		assertThat(Files.readString(output.resolve("long.en.md")).split("\n\n")).as("the title and every paragraph")
			.hasSize(paragraphs.size() + 1);
		JsonNode meta = JsonMapper.builder().build().readTree(output.resolve("long.meta.json").toFile());
		assertThat(meta.get("memory").get("paragraphs").asInt()).isEqualTo(paragraphs.size() - 2);
		assertThat(second.paragraphsFromMemory()).isEqualTo(paragraphs.size() - 2);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(one -> texts.add(one.asString()));
		return texts;
	}

}
