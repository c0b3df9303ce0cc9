package org.passerelle.quality;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.benchmark.HumanTranslationsBenchmark;
import org.passerelle.testing.HumanTranslations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Professional translations (WMT14 news) fed to the checks as if a model had answered: none may fail a
 * hard check, and fewer than 5% of the documents may raise a flag. Spoiled the way models go wrong,
 * they must be caught. Skipped when the data is not beside the project.
 */
class HumanTranslationsTests {

	@Test
	void humanTranslationsFailNoHardCheck() {
		HumanTranslationsBenchmark.Result result = HumanTranslationsBenchmark.measure(HumanTranslations.documents());

		assertThat(result.documents()).isEqualTo(68);
		assertThat(result.hardFailures()).isEmpty();
	}

	@Test
	void humanTranslationsRaiseAFlagOnOneDocumentAtMostTheOneWhoseFrenchIsWrong() {
		HumanTranslationsBenchmark.Result asSegments = HumanTranslationsBenchmark.measure(HumanTranslations.documents());
		HumanTranslationsBenchmark.Result inParagraphs = HumanTranslationsBenchmark
			.measure(HumanTranslations.documents().stream().map(document -> document.inParagraphsOf(3)).toList());

		// the French of 3093-cbsnews says 1996 for the original's 1966: a real error, rightly flagged
		assertThat(asSegments.flags()).containsExactly("3093-cbsnews: numbers, paragraph 30: not in the English: 1996");
		assertThat(inParagraphs.flags()).containsExactly("3093-cbsnews: numbers, paragraph 10: not in the English: 1996");
	}

	@Test
	void humanTranslationsRaiseFlagsOnFewerThanFivePercentOfDocuments() {
		HumanTranslationsBenchmark.Result asSegments = HumanTranslationsBenchmark.measure(HumanTranslations.documents());
		HumanTranslationsBenchmark.Result inParagraphs = HumanTranslationsBenchmark
			.measure(HumanTranslations.documents().stream().map(document -> document.inParagraphsOf(3)).toList());

		assertThat(asSegments.falseFlagRate()).as(asSegments.flags().toString()).isLessThan(0.05);
		assertThat(inParagraphs.falseFlagRate()).as(inParagraphs.flags().toString()).isLessThan(0.05);
	}

	@Test
	void spoiledParagraphsAreFlaggedWhereTheyAre() {
		List<HumanTranslations.Document> inParagraphs = HumanTranslations.documents().stream().map(document -> document.inParagraphsOf(3))
			.toList();

		assertThat(HumanTranslationsBenchmark.caught("dropped sentence", inParagraphs)).isGreaterThan(0.9);
		assertThat(HumanTranslationsBenchmark.caught("added sentence", inParagraphs)).isGreaterThan(0.55);
		assertThat(HumanTranslationsBenchmark.caught("left in French", HumanTranslations.documents())).isGreaterThan(0.95);
		assertThat(HumanTranslationsBenchmark.caught("person left out", HumanTranslations.documents())).isGreaterThan(0.9);
		assertThat(HumanTranslationsBenchmark.caught("number changed", HumanTranslations.documents())).isGreaterThan(0.9);
	}

}
