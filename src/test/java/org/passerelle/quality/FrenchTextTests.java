package org.passerelle.quality;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.testing.HumanTranslations;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchTextTests {

	@Test
	void englishDenseWithFrenchNamesIsEnglish() {
		// the summaries a statistical detector judged French three times in five
		assertThat(FrenchText.isFrench("Jean-Luc Mélenchon's La France insoumise and Marine Le Pen's Rassemblement national "
				+ "tabled a censure motion against Élisabeth Borne's government at the Assemblée nationale.")).isFalse();
		assertThat(FrenchText.isFrench("Hayat Tahrir al-Sham rebels claim most of Aleppo; the Observatoire syrien des "
				+ "droits de l'homme reports 311 dead.")).isFalse();
		assertThat(FrenchText.isFrench("Le Monde reports that the SNCF and the RATP face strikes as the CGT, Force ouvrière "
				+ "and Sud-Rail call for a walkout on the Île-de-France network.")).isFalse();
		assertThat(FrenchText.isFrench("Rebels say they hold Aleppo, according to the Observatoire syrien des droits de "
				+ "l'homme.")).isFalse();
	}

	@Test
	void frenchLeftUntranslatedIsFrench() {
		assertThat(FrenchText.isFrench("Le gouvernement a présenté mardi un projet de loi destiné à réformer le financement "
				+ "des collectivités locales.")).isTrue();
		assertThat(FrenchText.isFrench("Selon l'OSDH, les rebelles contrôlent désormais la majeure partie d'Alep.")).isTrue();
	}

	@Test
	void oneFrenchSentenceAmongEnglishOnesIsFound() {
		String mixed = "The government presented a bill on Tuesday to reform how local councils are funded. "
				+ "Les maires, réunis en congrès à Paris, ont accueilli le texte avec une prudence teintée d'inquiétude. "
				+ "The opposition calls it improvised.";

		assertThat(FrenchText.isFrench(mixed)).isFalse();
		assertThat(FrenchText.hasFrench(mixed)).isTrue();
		assertThat(FrenchText.hasFrench("The government presented a bill on Tuesday. The mayors met in Paris.")).isFalse();
	}

	@Test
	void humanEnglishIsNeverFrenchAndTheFrenchItWasTranslatedIntoIs() {
		int english = 0;
		int french = 0;
		int judged = 0;
		for (HumanTranslations.Document document : HumanTranslations.documents()) {
			for (int i = 0; i < document.french().size(); i++) {
				english += FrenchText.hasFrench(document.english().get(i)) ? 1 : 0;
				// a headline of four words may hold no function word to judge by
				if (FrenchText.count(document.french().get(i)).words() >= FrenchText.MIN_SENTENCE_WORDS) {
					judged++;
					french += FrenchText.isFrench(document.french().get(i)) ? 1 : 0;
				}
			}
		}
		assertThat(english).isZero();
		assertThat(french).isGreaterThanOrEqualTo(judged * 99 / 100);
	}

}
