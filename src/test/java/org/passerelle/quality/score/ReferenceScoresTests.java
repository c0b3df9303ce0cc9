package org.passerelle.quality.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReferenceScoresTests {

	static final List<String> DOG = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

	static final List<String> DOG_REFERENCE = List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");

	static final List<String> RISK = List.of("The relationship between Obama and Netanyahu is not exactly friendly.",
			"Risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists.");

	static final List<String> RISK_REFERENCE = List.of("The relationship between Obama and Netanyahu is not exactly warm.",
			"Risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists.");

	@TempDir
	Path folder;

	@Test
	void articleAndCorpusScoresAreSacreBleusDefaults() {
		ReferenceScores.Result result = new ReferenceScores(Chrf.DEFAULT, Bleu.DEFAULT)
			.score(List.of(new ReferenceScores.Pair("dog", DOG, DOG_REFERENCE), new ReferenceScores.Pair("risk", RISK, RISK_REFERENCE)));

		// sacreBLEU 2.6.0, CHRF() and BLEU() with their defaults, on the same segments
		assertThat(result.articles()).extracting(ReferenceScores.ArticleScore::article).containsExactly("dog", "risk");
		assertThat(result.articles().get(0).chrf()).isCloseTo(50.0431, within(1e-4));
		assertThat(result.articles().get(0).bleu()).isCloseTo(45.0675, within(1e-4));
		assertThat(result.articles().get(1).chrf()).isCloseTo(73.3328, within(1e-4));
		assertThat(result.articles().get(1).bleu()).isCloseTo(44.2490, within(1e-4));
		assertThat(result.chrf()).isCloseTo(67.7716, within(1e-4));
		assertThat(result.bleu()).isCloseTo(44.4664, within(1e-4));
		assertThat(result.segments()).isEqualTo(5);
	}

	@Test
	void anArticleWhoseParagraphsDoNotLineUpIsScoredAsOneSegment() {
		ReferenceScores.Result result = new ReferenceScores(Chrf.DEFAULT, Bleu.DEFAULT)
			.score(List.of(new ReferenceScores.Pair("dog", DOG.subList(0, 2), DOG_REFERENCE)));

		assertThat(result.articles().get(0).aligned()).isFalse();
		assertThat(result.articles().get(0).segments()).isEqualTo(1);
		assertThat(result.articles().get(0).chrf()).isCloseTo(Chrf.DEFAULT.sentenceScore(String.join(" ", DOG.subList(0, 2)),
				List.of(String.join(" ", DOG_REFERENCE))), within(1e-9));
	}

	@Test
	void referencesAreFoundByTheNameOfTheOutputsOrAtTheArticlesOwnPath() throws IOException {
		Files.createDirectories(folder.resolve("politique"));
		Files.writeString(folder.resolve("politique/budget.ref.en.txt"), "Budget passed\n\nDeputies passed it.\n");
		Files.writeString(folder.resolve("1016-latimes.en.txt"), "A black box in your car?\n\nAs America's road planners...\n");
		Files.writeString(folder.resolve("sport.md"), "Rennes qualify\n\nRennes beat Lens.\n");

		assertThat(References.find(folder, "politique/budget", "politique/budget.txt"))
			.contains(folder.resolve("politique/budget.ref.en.txt"));
		assertThat(References.find(folder, "1016-latimes.fr", "1016-latimes.fr.txt")).contains(folder.resolve("1016-latimes.en.txt"));
		assertThat(References.find(folder, "sport", "sport.md")).contains(folder.resolve("sport.md"));
		assertThat(References.find(folder, "dumps/nuit.jsonl/12", "dumps/nuit.jsonl#12")).isEmpty();
	}

	@Test
	void aReferenceReadsLikeATextArticle() throws IOException {
		Path blankLines = Files.writeString(folder.resolve("a.txt"), "\uFEFFTitle here\n\nFirst paragraph,\nwrapped.\n\n\nSecond.\n");
		Path oneALine = Files.writeString(folder.resolve("b.txt"), "Title\r\nFirst.\r\nSecond.\r\n");

		assertThat(References.segments(blankLines)).containsExactly("Title here", "First paragraph, wrapped.", "Second.");
		assertThat(References.segments(oneALine)).containsExactly("Title", "First.", "Second.");
	}

}
