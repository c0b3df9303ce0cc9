package org.passerelle.llm;

import java.util.List;

import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;
import org.passerelle.article.Article;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidatorTests {

	private final Article article = TestArticles.article("a.txt", "Municipales : la participation en hausse à Lyon",
			"À midi, la participation atteignait 21,4 % à Lyon, contre 17,9 % lors du précédent scrutin.");

	private final TranslatedArticle good = new TranslatedArticle("Local elections: turnout up in Lyon",
			List.of("At noon, turnout stood at 21.4% in Lyon, against 17.9% in the previous election."),
			"Turnout in Lyon's local elections is higher than last time.");

	@Test
	void answerThatFinishedNormallyGoesToTheChecks() {
		assertThat(AnswerValidator.problemWith(article, good, FinishReason.STOP, 3)).isNull();
		assertThat(AnswerValidator.problemWith(article, new TranslatedArticle(good.title(), List.of(), good.summary()),
				FinishReason.STOP, 3)).isEqualTo("the answer has 0 paragraphs for the article's 1");
	}

	@Test
	void cutOffAnswerIsRefusedEvenIfItParsed() {
		assertThat(AnswerValidator.problemWith(article, good, FinishReason.LENGTH, 3)).contains("cut off");
		assertThat(AnswerValidator.summaryProblem(good.summary(), FinishReason.LENGTH, 3)).contains("cut off");
	}

	@Test
	void filteredOrMissingAnswerIsRefused() {
		assertThat(AnswerValidator.problemWith(article, good, FinishReason.CONTENT_FILTER, 3)).contains("content filter");
		assertThat(AnswerValidator.problemWith(article, null, FinishReason.STOP, 3)).contains("no structured answer");
	}

}
