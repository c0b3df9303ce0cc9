package org.passerelle.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.benchmark.HumanTranslationsBenchmark;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.passerelle.testing.HumanTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WMT14 French documents through the whole job, a fake provider answering with their professional
 * English: every one comes out, none fails a check, and one at most raises a flag. The data is read
 * where the team keeps it, copied only into a temporary input folder; the test is skipped without it.
 */
@SpringBootTest
class HumanTranslationsJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi();

	static final FakeLlmServer fake = provider.fake();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		provider.register(registry);
	}

	@Autowired
	TranslationRuns runs;

	@Autowired
	ArticleLedger ledger;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path newsroom;

	@Test
	void professionalTranslationsAnsweredByTheModelAreAllWrittenAndAlmostNoneFlagged() throws Exception {
		List<HumanTranslations.Document> documents = HumanTranslations.documents();
		Path input = Files.createDirectories(newsroom.resolve("input"));
		Map<String, String> english = new HashMap<>();
		Map<String, String> summaries = new HashMap<>();
		for (HumanTranslations.Document document : documents) {
			Files.writeString(input.resolve(document.name() + ".txt"), String.join("\n\n", document.french()) + "\n");
			for (int i = 0; i < document.french().size(); i++) {
				english.put(key(document.french().get(i)), document.english().get(i));
			}
			summaries.put(key(document.frenchTitle()), HumanTranslationsBenchmark.leadSummary(document.englishParagraphs()));
		}
		fake.answer(article -> answer(article, english, summaries));

		RunSummary run = runs.run(new RunRequest(input, newsroom.resolve("output"), LocalDate.of(2026, 12, 1), false));

		assertThat(run.read()).isEqualTo(68);
		assertThat(run.failed()).as("no hard check refuses a professional translation").isZero();
		assertThat(run.written()).isEqualTo(68);
		long flagged = ledger.flaggedCount(run.executionId());
		System.out.printf("WMT14 through the job: %d documents written, %d failed, %d flagged (%.1f%%)%n", run.written(),
				run.failed(), flagged, 100.0 * flagged / run.written());
		// one: 3093-cbsnews, whose French says 1996 for the original's 1966
		assertThat(flagged).isLessThanOrEqualTo(1);
	}

	/** A French text as the job's cleaning leaves it, whatever its spaces: no-break ones become plain. */
	private static String key(String french) {
		return java.text.Normalizer.normalize(french, java.text.Normalizer.Form.NFC)
			.replaceAll("[\\s\\u00A0\\u202F\\u2007]+", " ").strip();
	}

	/** The human English of each French paragraph, piece or title the request carries. */
	private static Map<String, Object> answer(JsonNode article, Map<String, String> english, Map<String, String> summaries) {
		String title = key(article.get("title").asString());
		if (article.has("notes")) {
			return Map.of("summary", summaries.getOrDefault(title, "No summary."));
		}
		List<String> paragraphs = new ArrayList<>();
		for (JsonNode paragraph : article.get("paragraphs")) {
			paragraphs.add(english.getOrDefault(key(paragraph.asString()), paragraph.asString()));
		}
		return Map.of("title", english.getOrDefault(title, title), "paragraphs", paragraphs, "summary",
				article.has("before") ? "Notes on this part of the article." : summaries.getOrDefault(title, "No summary."));
	}

}
