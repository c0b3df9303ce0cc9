package org.passerelle.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

class PairedOutputWriterTests {

	@TempDir
	Path output;

	@Test
	void outputsAreNamedAfterTheInputInTheSameSubfolder() {
		OutputPaths paths = OutputPaths.of(output, "politique/budget.2027.txt");

		assertThat(paths.translation()).isEqualTo(output.resolve("politique/budget.2027.en.md"));
		assertThat(paths.summary()).isEqualTo(output.resolve("politique/budget.2027.summary.md"));
		assertThat(paths.metadata()).isEqualTo(output.resolve("politique/budget.2027.meta.json"));
	}

	@Test
	void writtenTranslationReadsBackExactlyEvenWithStrayBlankLinesInAParagraph() throws Exception {
		TranslatedArticle english = new TranslatedArticle("Budget\nadopted", List.of("First paragraph.\n\nStill the first.",
				"Second paragraph."), "A summary.");
		Translation translation = new Translation(TestArticles.article("a.txt", "Titre", "Un.", "Deux."), english,
				new Translation.Engine("openai", "m", "v"), 10, 5, Duration.ofMillis(20));

		OutputPaths paths = new PairedOutputWriter(output, Clock.systemUTC()).write(translation, 7);
		TranslatedArticle read = PairedOutputWriter.read(paths);

		assertThat(read.title()).isEqualTo("Budget adopted");
		assertThat(read.paragraphs()).containsExactly("First paragraph.\nStill the first.", "Second paragraph.");
		assertThat(read.summary()).isEqualTo("A summary.");
		assertThat(Files.readString(paths.metadata())).contains("\"jobExecutionId\" : 7").contains("\"sourceEncoding\" : \"UTF-8\"");
		try (var files = Files.list(output)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("a.en.md", "a.summary.md",
					"a.meta.json");
		}
	}

}
