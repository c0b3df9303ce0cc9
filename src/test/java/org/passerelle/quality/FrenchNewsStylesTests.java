package org.passerelle.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.quality.glossary.Glossary;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * French-original news in the styles that raised false flags (figures in French typography, places
 * after prepositions, newsroom terms that are also words), with the English a professional would write
 * for them: no flag, and only the glossary entries the article really uses go to the model. Then the
 * same texts spoiled: the flags still come.
 */
class FrenchNewsStylesTests {

	/** The README's example entry and the newsroom terms that are also French words. */
	private static final String GLOSSARY = """
			Le Monde\tLe Monde\tdo not translate
			Orange\tOrange\ttelecoms company
			Total\tTotal\toil company
			Aube\tAube\tthe département
			aube\tdawn
			Vinci\tVinci\tconstruction group
			Sud Radio\tSud Radio\tradio station
			Marche\tEn Marche\tthe party
			""";

	record Article(String frenchTitle, List<String> french, String englishTitle, List<String> english, String summary) {

		QualityChecks.Texts texts() {
			return new QualityChecks.Texts(frenchTitle, french, englishTitle, english, summary);
		}

		String frenchText() {
			return frenchTitle + "\n\n" + String.join("\n\n", french);
		}

		Article withEnglish(int paragraph, String text) {
			List<String> changed = new ArrayList<>(english);
			changed.set(paragraph - 1, text);
			return new Article(frenchTitle, french, englishTitle, changed, summary);
		}

	}

	static final Article MARKETS = new Article("Le CAC 40 termine la semaine à 14 201,57 points", List.of(
			"Tout le monde l'attendait : l'indice parisien a gagné 1 183,03 points en cinq séances, sa meilleure semaine depuis le 1er mars 2020.",
			"Total, 300 millions d'euros ont été échangés vendredi. L'opérateur Orange a bondi de 4,5 %, tandis que le groupe de BTP Vinci a cédé 0,8 %.",
			"Selon les analystes interrogés par Le Monde, les marchés anticipent une baisse des taux de 0,25 point d'ici à la fin du 2e trimestre, puis de 3 à 5 dixièmes en 2025.",
			"Le fonds a levé 1,2 Md$ en Asie du Sud-Est et 350 M€ en Europe, soit deux fois plus qu'en 2023. Il vise 2,5 milliards d'ici 2026-2027.",
			"« Nous restons prudents », a déclaré Marie-Claire Dubois, directrice de la gestion chez Amundi, interrogée sur Sud Radio. Le 1er gérant d'actifs européen détient 12 % du fonds."),
			"The CAC 40 ends the week at 14,201.57 points", List.of(
			"Everyone had been expecting it: the Paris index gained 1,183.03 points in five sessions, its best week since March 1, 2020.",
			"In all, 300 million euros changed hands on Friday. The operator Orange jumped 4.5%, while the construction group Vinci fell 0.8%.",
			"According to analysts interviewed by Le Monde, markets expect rates to be cut by 0.25 of a point by the end of the second quarter, then by three to five tenths in 2025.",
			"The fund raised $1.2bn in South-East Asia and €350m in Europe, twice as much as in 2023. It is aiming for 2.5 billion by 2026-27.",
			"\"We remain cautious,\" said Marie-Claire Dubois, head of asset management at Amundi, speaking on Sud Radio. Europe's leading asset manager holds 12% of the fund."),
			"The CAC 40 gained 1,183.03 points this week to close at 14,201.57, led by Orange.");

	static final Article MARCH = new Article("Dans l'Aube, une marche blanche pour Lucas Martin", List.of(
			"Près de 2 000 personnes ont défilé samedi à Troyes, dès l'aube, en mémoire de Lucas Martin, 14 ans, mort le 3 mai.",
			"Le député de la 3e circonscription, élu sous l'étiquette de la Marche, a pris la parole devant la mairie. Une marche semblable avait eu lieu au XXe siècle.",
			"Les organisateurs attendaient entre 3 et 5 000 participants ; la préfecture en a compté 2 000, de 10 h à 14 h 30.",
			"Le jeune homme avait vécu en Asie du Sud-Est, puis au Costa Rica, avant de rentrer en Côte d'Ivoire et de s'installer au nord de Los Angeles.",
			"« Tout le monde ici le connaissait », a confié sa tante, Nathalie Girard. Une cagnotte ouverte par ses proches a réuni 14 500 euros."),
			"In the Aube, a silent march for Lucas Martin", List.of(
			"Nearly 2,000 people marched in Troyes on Saturday from dawn, in memory of Lucas Martin, 14, who died on May 3.",
			"The MP for the 3rd constituency, elected on the En Marche ticket, spoke in front of the town hall. A similar march had taken place in the 20th century.",
			"Organisers had expected between 3,000 and 5,000 people; the prefecture counted 2,000, from 10am to 2.30pm.",
			"The young man had lived in Southeast Asia, then in Costa Rica, before returning to the Ivory Coast and settling north of Los Angeles.",
			"\"Everyone here knew him,\" his aunt, Nathalie Girard, said. A fundraiser set up by relatives has raised 14,500 euros."),
			"Some 2,000 people marched in the Aube in memory of Lucas Martin, 14.");

	static final Article INQUIRY = new Article("Le Monde révèle les contrats de Total en Afrique de l'Est", List.of(
			"Selon une enquête publiée mardi par Le Monde, le groupe pétrolier Total aurait versé 12 Mds€ entre 2015 et 2022 à des intermédiaires au Mozambique et en Ouganda.",
			"Le XXe siècle avait déjà vu le groupe s'implanter dans la région ; c'est au XXIe qu'il y est devenu le 1er investisseur étranger, avec 38 % des capitaux.",
			"« Tout le monde savait », affirme un ancien cadre, qui s'est confié à Sud Radio. Le groupe dément et dit « examiner » l'article du quotidien.",
			"Le ministre de l'Économie, Bruno Le Maire, a demandé des explications. Total, qui emploie 100 000 personnes dans le monde, publiera ses comptes le 2 février."),
			"Le Monde reveals Total's contracts in East Africa", List.of(
			"According to an investigation published by Le Monde on Tuesday, the oil group Total paid €12bn between 2015 and 2022 to intermediaries in Mozambique and Uganda.",
			"The 20th century had already seen the group settle in the region; it was in the 21st that it became the largest foreign investor there, with 38% of the capital.",
			"\"Everyone knew,\" says a former executive, who spoke to Sud Radio. The group denies it and says it is \"examining\" the newspaper's article.",
			"Economy Minister Bruno Le Maire has asked for explanations. Total, which employs 100,000 people worldwide, will publish its results on February 2."),
			"Le Monde says Total paid €12bn to intermediaries in Mozambique and Uganda between 2015 and 2022.");

	@TempDir
	Path folder;

	private Glossary glossary() throws IOException {
		return Glossary.read(Files.writeString(folder.resolve("glossary.tsv"), GLOSSARY));
	}

	private static List<String> used(Glossary glossary, Article article) {
		return glossary.termsIn(article.frenchText()).entries().stream().map(GlossaryEntry::french).toList();
	}

	@Test
	void onlyTheEntriesTheArticleReallyUsesAreSent() throws IOException {
		Glossary glossary = glossary();

		// "Tout le monde", "Total, 300 millions", "dès l'aube" (dawn is in the English), "une marche" are words here
		assertThat(used(glossary, MARKETS)).containsExactly("Le Monde", "Orange", "Vinci", "Sud Radio");
		assertThat(used(glossary, MARCH)).containsExactly("Aube", "aube", "Marche");
		assertThat(used(glossary, INQUIRY)).containsExactly("Le Monde", "Total", "Sud Radio");
	}

	@Test
	void professionalTranslationsRaiseNoFlag() throws IOException {
		Glossary glossary = glossary();

		for (Article article : List.of(MARKETS, MARCH, INQUIRY)) {
			GlossaryTerms terms = glossary.termsIn(article.frenchText());
			assertThat(QualityChecks.check(article.texts(), terms, 3).flags()).as(article.englishTitle()).isEmpty();
		}
	}

	@Test
	void aHeadlineEndingInANameDoesNotRunIntoTheParagraphBelowIt() {
		// "Troyes" ends the headline, "Tout" opens the paragraph: two lines, no person "Troyes Tout"
		QualityChecks.Texts texts = new QualityChecks.Texts("Marche blanche à Troyes",
				List.of("Tout le monde était là dès l'aube. Total, 300 personnes ont pris part à une marche silencieuse."),
				"Silent march in Troyes", List.of("Everyone was there from dawn. In all, 300 people took part in a silent march."),
				"Some 300 people marched in silence in Troyes.");

		assertThat(Names.inFrench(texts.frenchTitle() + "\n" + texts.french().get(0))).isEmpty();
		assertThat(QualityChecks.check(texts, GlossaryTerms.NONE, 3).flags()).isEmpty();
	}

	@Test
	void theSameTextsSpoiledAreFlagged() throws IOException {
		Glossary glossary = glossary();
		GlossaryTerms markets = glossary.termsIn(MARKETS.frenchText());
		GlossaryTerms march = glossary.termsIn(MARCH.frenchText());

		assertThat(QualityChecks.check(MARKETS.withEnglish(1, MARKETS.english().get(0).replace("1,183.03", "1,138.03"))
			.texts(), markets, 3).flags()).extracting(QualityFlag::shown)
			.containsExactly("numbers, paragraph 1: not in the English: 1 183,03");
		assertThat(QualityChecks.check(MARCH.withEnglish(3, "Organisers had expected between 3,000 and 5,000 people; the "
				+ "prefecture counted 2,000, from 10am to 2pm.").texts(), march, 3).flags()).extracting(QualityFlag::shown)
			.containsExactly("numbers, paragraph 3: not in the English: 14 h 30");
		assertThat(QualityChecks.check(MARCH.withEnglish(5, "\"Everyone here knew him,\" his aunt said. A fundraiser set up "
				+ "by relatives has raised 14,500 euros.").texts(), march, 3).flags()).extracting(QualityFlag::shown)
			.containsExactly("names, paragraph 5: not in the English: Nathalie Girard");
		assertThat(QualityChecks.check(MARKETS.withEnglish(2, MARKETS.english().get(1).replace("Orange", "the operator"))
			.texts(), markets, 3).flags()).extracting(QualityFlag::shown)
			.containsExactly("glossary, required English forms not used: Orange → Orange");
	}

}
