package org.passerelle.llm;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.article.Article;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleChangesTests {

	private final Article article = TestArticles.article("a.txt", "Titre", "Un.", "Deux.", "Trois.", "Quatre.", "Cinq.");

	@Test
	void eachRunOfNewParagraphsGetsTheParagraphBeforeItAsContext() {
		ArticleChanges changes = new ArticleChanges(List.of(2, 3), false, "Earlier.", List.of());

		assertThat(changes.newParagraphs(article)).containsExactly("Trois.", "Quatre.");
		assertThat(changes.context(article)).containsExactly("Deux.");
	}

	@Test
	void aNewTitleGetsTheFirstParagraphAsContext() {
		ArticleChanges changes = new ArticleChanges(List.of(4), true, "Earlier.", List.of("Gone."));

		assertThat(changes.context(article)).containsExactly("Un.", "Quatre.");
	}

	@Test
	void aNewFirstParagraphHasNothingBeforeIt() {
		ArticleChanges changes = new ArticleChanges(List.of(0, 1), true, "Earlier.", List.of());

		assertThat(changes.context(article)).isEmpty();
	}

}
