package org.passerelle.quality;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerChecksTests {

	private final String title = "Municipales : la participation en hausse à Lyon";

	private final List<String> french = List.of(
			"À midi, la participation atteignait 21,4 % à Lyon, contre 17,9 % lors du précédent scrutin, soit 1 200 votants de plus.",
			"Les bureaux de vote fermeront à 20 heures ; les résultats sont attendus vers 21h13.");

	private final String englishTitle = "Local elections: turnout up in Lyon";

	private final List<String> english = List.of(
			"At noon, turnout stood at 21.4% in Lyon, against 17.9% in the previous election, 1,200 more voters.",
			"Polling stations will close at 20:00; results are expected around 21:13.");

	private final String summary = "Turnout in Lyon's local elections is higher than last time. Results are expected tonight.";

	private String problem(String englishTitle, List<String> english, String summary, int maxSentences) {
		return AnswerChecks.problemWith(french, englishTitle, english, summary, maxSentences);
	}

	@Test
	void faithfulAnswerPasses() {
		assertThat(problem(englishTitle, english, summary, 3)).isNull();
	}

	@Test
	void missingOrEmptyPartsAreRefused() {
		assertThat(problem(" ", english, summary, 3)).isEqualTo("the answer has no English title");
		assertThat(problem(englishTitle, english, "", 3)).isEqualTo("the answer has no summary");
		assertThat(problem(englishTitle, english.subList(0, 1), summary, 3))
			.isEqualTo("the answer has 1 paragraphs for the article's 2");
		assertThat(problem(englishTitle, List.of(english.get(0), " "), summary, 3))
			.isEqualTo("paragraph 2 of the answer is empty");
	}

	@Test
	void translationStillInFrenchIsRefused() {
		assertThat(problem(title, french, summary, 3)).isEqualTo("the translation is still in French");
	}

	@Test
	void summaryOverItsLimitIsRefused() {
		String wordy = "Turnout is up. It was 21.4% at noon. Results come at 21:13. Lyon votes.";

		assertThat(problem(englishTitle, english, wordy, 3)).isEqualTo("the summary has 4 sentences, over the limit of 3");
		assertThat(problem(englishTitle, english, wordy, 4)).isNull();
	}

	@Test
	void numbersWrittenAnotherWayOrMissingAreNoReasonToRefuse() {
		// a flag says so (QualityChecks); a translator may have been right
		List<String> other = List.of(
				"At noon, turnout stood at 21.4% in Lyon, against 18% in the previous election, many more voters.",
				"Polling stations close at 8pm; results are expected around 9.13pm.");

		assertThat(problem(englishTitle, other, summary, 3)).isNull();
	}

	@Test
	void englishSummaryFullOfFrenchNamesIsNotRefused() {
		String names = "Jean-Luc Mélenchon's La France insoumise and Marine Le Pen's Rassemblement national tabled a "
				+ "censure motion against Élisabeth Borne's government at the Assemblée nationale.";

		assertThat(problem(englishTitle, english, names, 3)).isNull();
		assertThat(AnswerChecks.summaryProblem(names, 3)).isNull();
		assertThat(AnswerChecks.summaryProblem("La participation est en hausse à Lyon, selon les premiers chiffres.", 3))
			.isEqualTo("the summary is in French");
	}

	@Test
	void sentencesAreCountedAtFullStopsBeforeCapitals() {
		assertThat(AnswerChecks.sentences("The U.S. envoy arrived. He met officials in Damascus.")).isEqualTo(2);
		assertThat(AnswerChecks.sentences("He said: \"It is over.\" Then he left!")).isEqualTo(2);
		assertThat(AnswerChecks.sentences("One sentence only, with 3.5 million people.")).isEqualTo(1);
	}

}
