package org.passerelle.llm;

import org.junit.jupiter.api.Test;
import org.passerelle.article.Article;
import org.passerelle.config.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBudgetTests {

	@Test
	void aFullSegmentAndItsAnswerFitTheWindow() {
		for (int window : new int[] { 2000, 8192, 128_000 }) {
			TokenBudget budget = TokenBudget.of(window, 16_384, 3);
			int title = 30;
			int text = budget.segmentTokens(title);

			assertThat(text).as("window %d", window).isGreaterThan(TokenBudget.MIN_SEGMENT_TOKENS);
			assertThat(budget.requestInput(text, title) + budget.answerOutput(text, title)).as("window %d", window)
				.isLessThanOrEqualTo(window);
			assertThat(budget.answerOutput(text, title)).isLessThanOrEqualTo(16_384);
		}
	}

	@Test
	void theOutputLimitCapsASegmentToo() {
		TokenBudget budget = TokenBudget.of(128_000, 4096, 3);

		assertThat(budget.answerOutput(budget.segmentTokens(20), 20)).isLessThanOrEqualTo(4096);
	}

	@Test
	void aWindowTooSmallForThePromptIsAConfigurationErrorNamingTheSetting() {
		assertThatThrownBy(() -> TokenBudget.of(512, 8192, 3)).isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("PASSERELLE_LLM_CONTEXT_TOKENS");
	}

	@Test
	void planOfALongArticleCountsItsPartsAndTheSummaryRequest() {
		TokenBudget budget = TokenBudget.of(2000, 8192, 3);
		Article longOne = LongArticleHttpTests.longArticle(3000);
		Article shortOne = LongArticleHttpTests.longArticle(200);

		TokenBudget.Plan plan = budget.plan(longOne);
		TokenBudget roomy = TokenBudget.of(8192, 8192, 3);
		TokenBudget.Plan single = roomy.plan(shortOne);

		assertThat(plan.parts()).isGreaterThan(3);
		assertThat(plan.inputTokens()).isGreaterThan(TokenCounter.shared().count(String.join("\n", longOne.paragraphs())));
		assertThat(single.parts()).isEqualTo(1);
		assertThat(single.inputTokens()).isEqualTo(roomy.promptTokens() + TokenCounter.shared().count(shortOne.title())
				+ TokenCounter.shared().count(String.join("\n", shortOne.paragraphs())));
	}

}
