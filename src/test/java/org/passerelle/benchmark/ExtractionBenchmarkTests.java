package org.passerelle.benchmark;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.passerelle.testing.SharedData;

import static org.assertj.core.api.Assertions.assertThat;


class ExtractionBenchmarkTests {

	/**
	 * The floor under the figure recorded in docs/html-extraction.md (F1 0.962 on the 181 pages): a change
	 * that loses real pages' bodies fails here, while a change of a page or two does not.
	 */
	static final double F1_FLOOR = 0.955;

	@Test
	void thePublicBenchmarkPagesAreReadAtLeastAsWellAsRecordedWithNoBodyRefused() {
		SharedData.assumeAvailable(ExtractionBenchmark.available(),
				"the article-extraction benchmark is not at " + ExtractionBenchmark.FOLDER.toAbsolutePath().normalize());

		ExtractionBenchmark.Result result = ExtractionBenchmark.run(0);
		System.out.println(result.summary());

		assertThat(result.pages()).hasSize(181);
		// every page of the benchmark is an article with a body: none may be refused
		assertThat(result.refused()).as("pages refused: %s",
				result.refused().stream().map(ExtractionBenchmark.Page::url).collect(Collectors.joining(", "))).isEmpty();
		assertThat(result.f1()).isGreaterThanOrEqualTo(F1_FLOOR);
	}

	/** The scoring, as the benchmark's README describes it. */
	@Nested
	class Scoring {

		@Test
		void theSameTextScoresOneWhateverItsSpacingAndPunctuation() {
			ShingleScore score = ShingleScore.of("One two three four five.\n\nSix seven", "One two, three four five Six  seven!");

			assertThat(score.precision()).isEqualTo(1.0);
			assertThat(score.recall()).isEqualTo(1.0);
			assertThat(score.exact()).isTrue();
		}

		@Test
		void extraAndMissingShinglesAreCountedWithTheirMultiplicity() {
			// truth: a b c d e -> "a b c d", "b c d e"; extracted: a b c d a b c d -> "a b c d" x2, "b c d a", "c d a b", "d a b c"
			ShingleScore score = ShingleScore.of("a b c d e", "a b c d a b c d");

			assertThat(score.tp()).isEqualTo(1);
			assertThat(score.fp()).isEqualTo(4);
			assertThat(score.fn()).isEqualTo(1);
			assertThat(score.precision()).isEqualTo(0.2);
			assertThat(score.recall()).isEqualTo(0.5);
			assertThat(score.exact()).isFalse();
		}

		@Test
		void aPageWithNoBodyScoresZeroAndNothingExpectedNorFoundScoresOne() {
			ShingleScore refused = ShingleScore.of("The body of the story is here.", "");
			ShingleScore nothing = ShingleScore.of("", "");

			assertThat(refused.precision()).isZero();
			assertThat(refused.recall()).isZero();
			assertThat(nothing.precision()).isEqualTo(1.0);
			assertThat(nothing.recall()).isEqualTo(1.0);
		}

		@Test
		void aTextShorterThanAShingleIsOneShingle() {
			assertThat(ShingleScore.of("Breaking news", "Breaking news").tp()).isEqualTo(1);
			assertThat(ShingleScore.of("Breaking news", "Breaking").recall()).isZero();
		}

		@Test
		void f1ComesFromTheMeansOverPagesSoEveryPageWeighsTheSame() {
			ExtractionBenchmark.Result result = new ExtractionBenchmark.Result(java.util.List.of(
					new ExtractionBenchmark.Page("long", "", new ShingleScore(900, 100, 0, false), false),
					new ExtractionBenchmark.Page("short", "", new ShingleScore(1, 0, 1, false), false)), 1, 1, 1);

			assertThat(result.precision()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(result.recall()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(result.f1()).isCloseTo(2 * 0.95 * 0.75 / 1.7, org.assertj.core.data.Offset.offset(1e-9));
		}

	}

}
