package org.passerelle.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleCleanerTests {

	@Test
	void paragraphsAPageOrARecordDelimitsAreCleanedOneByOne() {
		ExtractedArticle page = new ExtractedArticle(" Les maires\u00A0inquiets ", java.util.List.of("Les maires inquiets",
				"Les maires, réunis\nen congrès, ont accueilli le texte.", "Suivez-nous sur Google News", "  ",
				"Lire aussi : Le budget adopté", "L'opposition réclame un débat."), SourceDetails.NONE, "UTF-8");

		ArticleCleaner.CleanText clean = cleaner.clean(page);

		assertThat(clean.title()).isEqualTo("Les maires inquiets");
		assertThat(clean.paragraphs()).containsExactly("Les maires, réunis en congrès, ont accueilli le texte.",
				"L'opposition réclame un débat.");
	}

	private final ArticleCleaner cleaner = new ArticleCleaner();

	@Test
	void scrapedArticleKeepsItsTitleAndEveryRealParagraphInOrder() throws IOException {
		ArticleCleaner.CleanText clean = cleaner.clean(fixture("scraped-with-noise.txt"));

		assertThat(clean.title()).isEqualTo(
				"Inondations dans le Gard : la préfecture déclenche l’alerte rouge, « une situation exceptionnelle » – Le Courrier du Sud");
		assertThat(clean.paragraphs()).hasSize(4);
		assertThat(clean.paragraphs().get(0)).startsWith("Les pluies torrentielles");
		assertThat(clean.paragraphs().get(1)).startsWith("La préfète a parlé");
		assertThat(clean.paragraphs().get(2)).startsWith("Les pompiers ont mené");
		assertThat(clean.paragraphs().get(3)).isEqualTo("Mise à jour : à 18h05, avec le bilan des pompiers.");
	}

	@Test
	void repeatedTitleLinesNavigationAndPromotionAreDropped() throws IOException {
		ArticleCleaner.CleanText clean = cleaner.clean(fixture("scraped-with-noise.txt"));

		assertThat(clean.paragraphs()).noneMatch(p -> p.contains("Inondations dans le Gard"))
			.noneMatch(p -> p.contains("Google"))
			.noneMatch(p -> p.startsWith("PREV") || p.startsWith("NEXT"))
			.noneMatch(String::isBlank);
	}

	@Test
	void spacingIsFoldedButTheWordingAndBrokenQuotesAreKept() throws IOException {
		ArticleCleaner.CleanText clean = cleaner.clean(fixture("scraped-with-noise.txt"));

		assertThat(String.join("\n", clean.paragraphs())).doesNotContain("\u00A0").doesNotContain("  ");
		// the unbalanced closing quote and the doubled full stop are the source's; the translator deals with them
		assertThat(clean.paragraphs().get(1)).isEqualTo("La préfète a parlé d’« une situation exceptionnelle » lors "
				+ "d’un point presse à Nîmes.. Selon Météo-France, il est tombé 280 millimètres d’eau en douze heures, "
				+ "« l’équivalent de quatre mois » de précipitations ».");
		assertThat(clean.paragraphs().get(2)).contains("450 interventions");
	}

	@Test
	void textIsNormalisedToNfc() {
		String decomposed = "Le pre\u0301fet\n\nLa re\u0301gion est touche\u0301e.";

		ArticleCleaner.CleanText clean = cleaner.clean(decomposed);

		assertThat(clean.title()).isEqualTo("Le préfet");
		assertThat(Normalizer.isNormalized(clean.paragraphs().get(0), Normalizer.Form.NFC)).isTrue();
		assertThat(clean.paragraphs().get(0)).isEqualTo("La région est touchée.");
	}

	@Test
	void hardWrappedLinesJoinIntoOneParagraphAndWindowsLineEndingsAreHandled() {
		String text = "\uFEFFTitre\r\n\r\nUne phrase coupée\r\nen deux lignes.\r\n\r\nDeuxième paragraphe.\r\n";

		ArticleCleaner.CleanText clean = cleaner.clean(text);

		assertThat(clean.title()).isEqualTo("Titre");
		assertThat(clean.paragraphs()).containsExactly("Une phrase coupée en deux lignes.", "Deuxième paragraphe.");
	}

	@Test
	void markdownTitleLosesItsHeadingMarks() {
		ArticleCleaner.CleanText clean = cleaner.clean("# Le titre\n\nLe texte.");

		assertThat(clean.title()).isEqualTo("Le titre");
		assertThat(clean.paragraphs()).containsExactly("Le texte.");
	}

	@Test
	void aTitleRepeatedLaterInTheBodyIsKeptThere() {
		ArticleCleaner.CleanText clean = cleaner.clean("Alerte\n\nPremier paragraphe.\n\nAlerte\n");

		assertThat(clean.paragraphs()).containsExactly("Premier paragraphe.", "Alerte");
	}

	@Test
	void blankTextHasNoTitle() {
		ArticleCleaner.CleanText clean = cleaner.clean(" \u00A0\n\n\t\n");

		assertThat(clean.title()).isEmpty();
		assertThat(clean.paragraphs()).isEmpty();
	}

	static String fixture(String name) throws IOException {
		try (InputStream in = ArticleCleanerTests.class.getResourceAsStream("/articles/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
