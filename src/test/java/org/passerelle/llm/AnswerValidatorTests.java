package org.passerelle.llm;

import java.util.List;

import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;
import org.passerelle.article.Article;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidatorTests {

	private final Article article = TestArticles.article("a.txt", "Municipales : la participation en hausse à Lyon",
			"À midi, la participation atteignait 21,4 % à Lyon, contre 17,9 % lors du précédent scrutin, soit 1 200 votants de plus.",
			"Les bureaux de vote fermeront à 20 heures ; les résultats sont attendus vers 21h13.");

	private final TranslatedArticle good = new TranslatedArticle("Local elections: turnout up in Lyon",
			List.of("At noon, turnout stood at 21.4% in Lyon, against 17.9% in the previous election, 1,200 more voters.",
					"Polling stations will close at 20:00; results are expected around 21:13."),
			"Turnout in Lyon's local elections is higher than last time. Results are expected tonight.");

	@Test
	void faithfulAnswerPasses() {
		assertThat(AnswerValidator.problemWith(article, good, FinishReason.STOP, 3)).isNull();
	}

	@Test
	void cutOffAnswerIsRefusedEvenIfItParsed() {
		assertThat(AnswerValidator.problemWith(article, good, FinishReason.LENGTH, 3)).contains("cut off");
	}

	@Test
	void translationStillInFrenchIsRefused() {
		TranslatedArticle french = new TranslatedArticle(article.title(), article.paragraphs(), good.summary());

		assertThat(AnswerValidator.problemWith(article, french, FinishReason.STOP, 3))
			.isEqualTo("the translation is still in French");
	}

	@Test
	void summaryOverItsLimitIsRefused() {
		TranslatedArticle wordy = new TranslatedArticle(good.title(), good.paragraphs(),
				"Turnout is up. It was 21.4% at noon. Results come at 21:13. Lyon votes.");

		assertThat(AnswerValidator.problemWith(article, wordy, FinishReason.STOP, 3))
			.isEqualTo("the summary has 4 sentences, over the limit of 3");
		assertThat(AnswerValidator.problemWith(article, wordy, FinishReason.STOP, 4)).isNull();
	}

	@Test
	void droppedOrChangedNumbersAreRefused() {
		TranslatedArticle wrong = new TranslatedArticle(good.title(),
				List.of("At noon, turnout stood at 21.4% in Lyon, against 18% in the previous election, many more voters.",
						good.paragraphs().get(1)),
				good.summary());

		assertThat(AnswerValidator.problemWith(article, wrong, FinishReason.STOP, 3))
			.isEqualTo("numbers of the article are missing from the translation: 179, 1200");
	}

	@Test
	void sentencesAreCountedAtFullStopsBeforeCapitals() {
		assertThat(AnswerValidator.sentences("The U.S. envoy arrived. He met officials in Damascus.")).isEqualTo(2);
		assertThat(AnswerValidator.sentences("He said: \"It is over.\" Then he left!")).isEqualTo(2);
		assertThat(AnswerValidator.sentences("One sentence only, with 3.5 million people.")).isEqualTo(1);
	}

}
