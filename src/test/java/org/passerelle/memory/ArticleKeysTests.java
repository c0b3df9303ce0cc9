package org.passerelle.memory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleKeysTests {

	private static final MadeBy ENGINE = new MadeBy("openai", "gpt", "translate-article@1");

	private static final String LONG_A = "Les combats ont repris lundi matin dans le nord de la ville.";

	private static final String LONG_B = "Le gouvernement a annoncé un couvre-feu à partir de 20 heures.";

	private static ArticleKeys keys(MadeBy engine, String title, String... paragraphs) {
		return ArticleKeys.of(engine, title, List.of(paragraphs), text -> null);
	}

	@Test
	void aParagraphHasTheSameKeyWhereverItStandsAndWhateverTheTitle() {
		ArticleKeys first = keys(ENGINE, "Titre", LONG_A, LONG_B);
		ArticleKeys republished = keys(ENGINE, "Autre titre", "Un paragraphe ajouté au début de l'article.", LONG_B);

		assertThat(republished.paragraphs().get(1)).isEqualTo(first.paragraphs().get(1));
		assertThat(republished.title()).isNotEqualTo(first.title());
	}

	@Test
	void anotherModelPromptOrGlossaryGivesOtherKeys() {
		ArticleKeys base = keys(ENGINE, "Titre", LONG_A);

		assertThat(keys(new MadeBy("openai", "gpt-2", "translate-article@1"), "Titre", LONG_A).paragraphs())
			.doesNotContainAnyElementsOf(base.paragraphs());
		assertThat(keys(new MadeBy("openai", "gpt", "translate-article@2"), "Titre", LONG_A).paragraphs())
			.doesNotContainAnyElementsOf(base.paragraphs());
		assertThat(ArticleKeys.of(ENGINE, "Titre", List.of(LONG_A), text -> "glossary-v2").paragraphs())
			.doesNotContainAnyElementsOf(base.paragraphs());
	}

	@Test
	void aVeryShortParagraphMatchesOnlyBetweenTheSameNeighbours() {
		ArticleKeys first = keys(ENGINE, "Titre", LONG_A, "Lire aussi", LONG_B);
		ArticleKeys sameSurroundings = keys(ENGINE, "Autre", LONG_A, "Lire aussi", LONG_B);
		ArticleKeys elsewhere = keys(ENGINE, "Titre", LONG_B, "Lire aussi", LONG_A);

		assertThat(sameSurroundings.paragraphs().get(1)).isEqualTo(first.paragraphs().get(1));
		assertThat(elsewhere.paragraphs().get(1)).isNotEqualTo(first.paragraphs().get(1));
		assertThat(elsewhere.paragraphs().get(0)).isEqualTo(first.paragraphs().get(2));
	}

	@Test
	void theBodyKeyChangesWithAnyParagraphButNotWithTheTitle() {
		ArticleKeys first = keys(ENGINE, "Titre", LONG_A, LONG_B);

		assertThat(keys(ENGINE, "Nouveau titre", LONG_A, LONG_B).body()).isEqualTo(first.body());
		assertThat(keys(ENGINE, "Titre", LONG_A).body()).isNotEqualTo(first.body());
		assertThat(keys(ENGINE, "Titre", LONG_B, LONG_A).body()).isNotEqualTo(first.body());
	}

}
