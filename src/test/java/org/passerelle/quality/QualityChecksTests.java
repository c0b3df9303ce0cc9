package org.passerelle.quality;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;

import static org.assertj.core.api.Assertions.assertThat;

class QualityChecksTests {

	private static final String TITLE = "Alep : les rebelles revendiquent la majeure partie de la ville";

	private static final List<String> FRENCH = List.of(
			"Les rebelles de Hayat Tahrir al-Cham affirment contrôler la majeure partie d'Alep. Selon l'OSDH, les combats ont fait 311 morts depuis mercredi.",
			"Le chef du groupe, Abou Mohammed al-Joulani, a promis de protéger les civils. Il s'exprimait dans une vidéo diffusée jeudi soir.",
			"L'armée syrienne affirme avoir repris deux villages au nord de la ville. Ses avions ont mené 23 frappes, selon le ministère de la Défense.",
			"Des milliers d'habitants ont fui vers les quartiers kurdes. Les organisations humanitaires redoutent une nouvelle crise.");

	private static final String ENGLISH_TITLE = "Aleppo: rebels claim most of the city";

	private static final List<String> ENGLISH = List.of(
			"Hayat Tahrir al-Sham rebels say they control most of Aleppo. According to the SOHR, the fighting has killed 311 people since Wednesday.",
			"The group's leader, Abu Mohammed al-Jolani, promised to protect civilians. He was speaking in a video released on Thursday evening.",
			"The Syrian army says it has retaken two villages north of the city. Its aircraft carried out 23 strikes, according to the defence ministry.",
			"Thousands of residents have fled to Kurdish neighbourhoods. Aid organisations fear a new crisis.");

	private static final String SUMMARY = "Rebels claim most of Aleppo, where the SOHR counts 311 dead.";

	private static final GlossaryTerms SOHR = new GlossaryTerms(List.of(GlossaryEntry.of("OSDH", "SOHR", "organisation", 1)));

	private static QualityReport check(List<String> english, String summary, GlossaryTerms terms) {
		return QualityChecks.check(new QualityChecks.Texts(TITLE, FRENCH, ENGLISH_TITLE, english, summary), terms, 3);
	}

	private static List<String> with(int paragraph, String english) {
		List<String> changed = new ArrayList<>(ENGLISH);
		changed.set(paragraph - 1, english);
		return changed;
	}

	@Test
	void aFaithfulTranslationRaisesNoFlag() {
		QualityReport report = check(ENGLISH, SUMMARY, SOHR);

		assertThat(report.flags()).isEmpty();
		assertThat(report.glossaryTerms()).isEqualTo(1);
		assertThat(report.lengthRatio()).isBetween(0.8, 1.1);
	}

	@Test
	void aSentenceLeftOutFlagsItsParagraphAlone() {
		QualityReport report = check(with(4, "Thousands of residents have fled to Kurdish neighbourhoods."), SUMMARY, SOHR);

		assertThat(report.flags()).extracting(QualityFlag::kind, QualityFlag::paragraph)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(QualityFlag.LENGTH, 4));
	}

	@Test
	void aSentenceAddedFlagsItsParagraphAlone() {
		QualityReport report = check(with(4, ENGLISH.get(3)
				+ " The city, once the second of Syria, has been at the heart of the civil war since 2012."),
				SUMMARY, SOHR);

		assertThat(report.flags()).extracting(QualityFlag::kind, QualityFlag::paragraph)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(QualityFlag.LENGTH, 4));
	}

	@Test
	void aParagraphLeftInFrenchIsFlagged() {
		QualityReport report = check(with(4, FRENCH.get(3)), SUMMARY, SOHR);

		assertThat(report.flags()).extracting(QualityFlag::kind, QualityFlag::paragraph)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(QualityFlag.UNTRANSLATED, 4));
	}

	@Test
	void aPersonOrANumberLeftOutIsFlaggedOnItsParagraph() {
		QualityReport person = check(with(2, "The group's leader promised to protect civilians. He was speaking in a video "
				+ "released on Thursday evening."), SUMMARY, SOHR);
		QualityReport number = check(with(1, "Hayat Tahrir al-Sham rebels say they control most of Aleppo. According to "
				+ "the SOHR, the fighting has killed 131 people since Wednesday."), SUMMARY, SOHR);

		assertThat(person.flags()).extracting(QualityFlag::shown)
			.containsExactly("names, paragraph 2: not in the English: Abou Mohammed al-Joulani");
		assertThat(number.flags()).extracting(QualityFlag::shown)
			.containsExactly("numbers, paragraph 1: not in the English: 311");
	}

	@Test
	void aGlossaryTermNotInItsRequiredFormIsFlagged() {
		QualityReport report = check(with(1, ENGLISH.get(0).replace("SOHR", "OSHR")), SUMMARY.replace("SOHR", "monitor"),
				SOHR);

		assertThat(report.flags()).extracting(QualityFlag::shown)
			.containsExactly("glossary, required English forms not used: OSDH → SOHR");
	}

	@Test
	void aSummaryTooLongPartlyFrenchOrAboutNothingIsFlagged() {
		assertThat(check(ENGLISH, "Rebels advance. Aleppo falls. 311 dead. Civilians flee.", SOHR).flags())
			.extracting(QualityFlag::shown).containsExactly("summary, 4 sentences, over the limit of 3");
		assertThat(check(ENGLISH, SUMMARY + " Les habitants ont fui vers les quartiers kurdes de la ville.", SOHR).flags())
			.extracting(QualityFlag::shown).containsExactly("summary, still French in part or in whole");
		assertThat(check(ENGLISH, "Fighting goes on in a large city, and people are leaving.", SOHR).flags())
			.extracting(QualityFlag::shown).containsExactly("summary, names no one and no figure of the article");
	}

}
