package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.benchmark.HumanTranslationsBenchmark;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.HumanTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nights over WMT14 documents, a fake provider answering with their professional English: 50
 * articles, then 50 updated versions (one paragraph edited, one added) and 20 republications (new title,
 * same body less one paragraph). The second night pays for what changed only, and writes the same
 * articles with the same quality flags as a translation of those files from scratch (--force) does. The
 * test is skipped without the data in ../shared/data.
 */
@SpringBootTest
class TranslationMemoryJobTests {

	static final String EDIT_FR = " Le bilan a été confirmé dimanche soir par les autorités.";

	static final String EDIT_EN = " The toll was confirmed on Sunday evening by the authorities.";

	static final String ADDED_FR = "Mise à jour : à 21h13, avec la déclaration du porte-parole, qui a confirmé les faits.";

	static final String ADDED_EN = "Update: at 21:13, with the statement of the spokesman, who confirmed the facts.";

	static final String REPRISE_FR = "Reprise : ";

	static final String REPRISE_EN = "Republished: ";

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi();

	static final FakeLlmServer fake = provider.fake();

	@Autowired
	TranslationRuns runs;

	@Autowired
	RunEstimate estimates;

	@TempDir
	Path newsroom;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		provider.register(registry);
	}

	@Test
	void theSecondNightPaysOnlyForWhatChangedAndWritesWhatAFreshTranslationWrites() throws Exception {
		List<HumanTranslations.Document> documents = HumanTranslations.documents().subList(0, 50);
		Map<String, String> english = new HashMap<>();
		Map<String, String> summaries = new HashMap<>();
		for (HumanTranslations.Document document : documents) {
			for (int i = 0; i < document.french().size(); i++) {
				english.put(key(document.french().get(i)), document.english().get(i));
			}
			summaries.put(key(document.frenchTitle()), HumanTranslationsBenchmark.leadSummary(document.englishParagraphs()));
		}
		fake.answer(request -> answer(request, english, summaries));
		Path input = Files.createDirectories(newsroom.resolve("input"));
		for (HumanTranslations.Document document : documents) {
			write(input.resolve(document.name() + ".txt"), document.frenchTitle(), document.frenchParagraphs());
		}
		RunSummary first = runs.run(new RunRequest(input, newsroom.resolve("output"), LocalDate.of(2026, 12, 1), false));
		assertThat(first.written()).isEqualTo(50);

		for (HumanTranslations.Document document : documents) {
			write(input.resolve(document.name() + ".txt"), document.frenchTitle(), updated(document.frenchParagraphs()));
		}
		for (HumanTranslations.Document document : documents.subList(0, 20)) {
			List<String> body = new ArrayList<>(document.frenchParagraphs());
			body.remove(1);
			write(input.resolve(document.name() + "-reprise.txt"), REPRISE_FR + document.frenchTitle(), body);
		}
		RunEstimate.Estimate dryRun = estimates.estimate(input, newsroom.resolve("output"), false);
		long requestsBefore = fake.chatCount();
		RunSummary second = runs.run(new RunRequest(input, newsroom.resolve("output"), LocalDate.of(2026, 12, 2), false));
		long requests = fake.chatCount() - requestsBefore;
		RunSummary scratch = runs.run(new RunRequest(input, newsroom.resolve("scratch"), LocalDate.of(2026, 12, 2), true));

		System.out.printf("Translation memory on WMT14: night 1, 50 articles: %,d + %,d tokens; night 2, 50 updated and "
				+ "20 republished: %,d + %,d tokens; the same 70 files from scratch: %,d + %,d tokens "
				+ "(night 2 billed %.1f%% of the input and %.1f%% of the output, in %d requests)%n", first.inputTokens(),
				first.outputTokens(), second.inputTokens(), second.outputTokens(), scratch.inputTokens(),
				scratch.outputTokens(), 100.0 * second.inputTokens() / scratch.inputTokens(),
				100.0 * second.outputTokens() / scratch.outputTokens(), requests);
		assertThat(second.written()).isEqualTo(70);
		assertThat(second.failed()).isZero();
		assertThat(scratch.written()).isEqualTo(70);
		assertThat(second.inputTokens()).isLessThanOrEqualTo(scratch.inputTokens() * 30 / 100);
		assertThat(second.outputTokens()).isLessThanOrEqualTo(scratch.outputTokens() * 30 / 100);
		List<String> names = new ArrayList<>(documents.stream().map(HumanTranslations.Document::name).toList());
		documents.subList(0, 20).forEach(document -> names.add(document.name() + "-reprise"));
		int fromMemory = 0;
		for (String name : names) {
			Path output = newsroom.resolve("output");
			assertThat(output.resolve(name + ".en.md")).as(name).isNotEmptyFile();
			assertThat(output.resolve(name + ".summary.md")).as(name).isNotEmptyFile();
			JsonNode memory = meta(output, name);
			JsonNode fresh = meta(newsroom.resolve("scratch"), name);
			assertThat(memory.get("quality").get("flags")).as(name + ": the same flags as fresh")
				.isEqualTo(fresh.get("quality").get("flags"));
			assertThat(Files.readString(output.resolve(name + ".en.md"))).as(name + ": the same English as fresh")
				.isEqualTo(Files.readString(newsroom.resolve("scratch").resolve(name + ".en.md")));
			fromMemory += memory.get("memory").get("paragraphs").asInt();
			assertThat(fresh.has("memory")).as("--force bypasses the memory").isFalse();
		}
		int paragraphs = documents.stream().mapToInt(document -> document.frenchParagraphs().size() + 1).sum()
				+ documents.subList(0, 20).stream().mapToInt(document -> document.frenchParagraphs().size() - 1).sum();
		System.out.printf("Night 2: %d of %d paragraphs from the translation memory%n", fromMemory, paragraphs);
		assertThat(fromMemory).isGreaterThan(paragraphs * 9 / 10);
		assertThat(second.paragraphsFromMemory()).isEqualTo(fromMemory);
		assertThat(dryRun.paragraphsFromMemory()).as("the dry run counts them before sending").isEqualTo(fromMemory);
		assertThat(dryRun.paragraphs()).isEqualTo(paragraphs);
		System.out.printf("Dry run before night 2: %d of %d paragraphs from memory, about %,d + %,d tokens spared; the run "
				+ "says %,d + %,d%n", dryRun.paragraphsFromMemory(), dryRun.paragraphs(), dryRun.savedInputTokens(),
				dryRun.savedOutputTokens(), second.savedInputTokens(), second.savedOutputTokens());
	}

	private JsonNode meta(Path output, String name) throws IOException {
		return json.readTree(Files.readString(output.resolve(name + ".meta.json")));
	}

	/** The middle paragraph edited, one added at the end. */
	private static List<String> updated(List<String> paragraphs) {
		List<String> updated = new ArrayList<>(paragraphs);
		int middle = updated.size() / 2;
		updated.set(middle, updated.get(middle) + EDIT_FR);
		updated.add(ADDED_FR);
		return updated;
	}

	private static void write(Path file, String title, List<String> paragraphs) throws IOException {
		Files.writeString(file, title + "\n\n" + String.join("\n\n", paragraphs) + "\n");
	}

	/** A French text as the job's cleaning leaves it, whatever its spaces. */
	private static String key(String french) {
		return java.text.Normalizer.normalize(french, java.text.Normalizer.Form.NFC)
			.replaceAll("[\\s\\u00A0\\u202F\\u2007]+", " ").strip();
	}

	private static String english(String french, Map<String, String> english) {
		String text = key(french);
		if (text.equals(key(ADDED_FR))) {
			return ADDED_EN;
		}
		if (text.startsWith(REPRISE_FR)) {
			return REPRISE_EN + english(text.substring(REPRISE_FR.length()), english);
		}
		if (text.endsWith(key(EDIT_FR))) {
			return english(text.substring(0, text.length() - key(EDIT_FR).length()), english) + EDIT_EN;
		}
		return english.getOrDefault(text, text);
	}

	/** The human English of what the request carries; a revised summary is the earlier one. */
	private static Map<String, Object> answer(JsonNode request, Map<String, String> english, Map<String, String> summaries) {
		if (request.has("articles")) {
			List<Object> answers = new ArrayList<>();
			request.get("articles").forEach(article -> answers.add(answer(article, english, summaries)));
			return Map.of("articles", answers);
		}
		String title = key(request.get("title").asString());
		String bare = title.startsWith(REPRISE_FR) ? title.substring(REPRISE_FR.length()) : title;
		String summary = request.has("earlierSummary") ? request.get("earlierSummary").asString()
				: summaries.getOrDefault(bare, "No summary.");
		if (request.has("notes")) {
			return Map.of("summary", summary);
		}
		List<String> paragraphs = new ArrayList<>();
		if (request.has("paragraphs")) {
			for (JsonNode paragraph : request.get("paragraphs")) {
				paragraphs.add(english(paragraph.asString(), english));
			}
		}
		return Map.of("title", english(title, english), "paragraphs", paragraphs, "summary", summary);
	}

}
