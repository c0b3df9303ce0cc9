package org.passerelle.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTests {

	@Test
	void whatHumanTranslatorsWriteRendersTheFrenchNumbers() {
		// each pair from professional translations that a digits-only comparison refused
		assertThat(Numbers.missing("Elle a 3 enfants.", "She has three children.")).isEmpty();
		assertThat(Numbers.missing("Le concert commence à 21h30.", "The concert starts at 9.30pm.")).isEmpty();
		assertThat(Numbers.missing("Rendez-vous à 10h00.", "Meet at 10am.")).isEmpty();
		assertThat(Numbers.missing("Un déficit de 1,36 milliard de dollars.", "A deficit of $1,360 million.")).isEmpty();
		assertThat(Numbers.missing("Le 4 novembre, il a voté.", "On November 04, he voted.")).isEmpty();
	}

	@Test
	void notationsOfTheSameNumberAgree() {
		assertThat(Numbers.missing("1 200 votants", "1,200 voters")).isEmpty();
		assertThat(Numbers.missing("21,4 %", "21.4%")).isEmpty();
		assertThat(Numbers.missing("à 21h13", "at 21:13")).isEmpty();
		assertThat(Numbers.missing("fermeront à 20 heures", "will close at 8 p.m.")).isEmpty();
		assertThat(Numbers.missing("2,5 millions d'habitants", "2.5m inhabitants")).isEmpty();
		assertThat(Numbers.missing("3 000 milliards", "3 trillion")).isEmpty();
		assertThat(Numbers.missing("vingt-cinq ans, soit 25 ans", "twenty-five years")).isEmpty();
		assertThat(Numbers.missing("le 1er janvier", "on January 1st")).isEmpty();
		assertThat(Numbers.missing("à midi, soit 12h", "at noon")).isEmpty();
		assertThat(Numbers.missing("les années 1990", "the 1990s")).isEmpty();
		assertThat(Numbers.missing("deux cent cinq, 205", "two hundred and five")).isEmpty();
		assertThat(Numbers.missing("35 000 communes", "35 000 towns")).isEmpty();
	}

	@Test
	void frenchTypographyAndTheEnglishTranslatorsWriteForIt() {
		// grouped thousands with decimals, in any kind of space
		assertThat(Numbers.missing("Le CAC 40 a clôturé à 14 201,57 points, en hausse de 1 183,03.",
				"The CAC 40 closed at 14,201.57 points, up 1,183.03.")).isEmpty();
		assertThat(Numbers.missing("à 14\u202F201,57", "at 14 201.57")).isEmpty();
		// ranges, and a scale word that closes the range holding for both ends
		assertThat(Numbers.missing("de 3 à 5 jours", "three to five days")).isEmpty();
		assertThat(Numbers.missing("entre 2 et 3 milliards d'euros", "between €2bn and €3bn")).isEmpty();
		assertThat(Numbers.missing("entre 3 et 5 000 manifestants", "between 3,000 and 5,000 protesters")).isEmpty();
		assertThat(Numbers.missing("la saison 2014-2015", "the 2014-15 season")).isEmpty();
		// ordinals and centuries
		assertThat(Numbers.missing("le 2e tour, au 1er rang, la 3e fois", "the second round, in first place, the 3rd time"))
			.isEmpty();
		assertThat(Numbers.missing("au XXe siècle, dans le 8e arrondissement", "in the 20th century, in the 8th arrondissement"))
			.isEmpty();
		assertThat(Numbers.missing("dans les années 1990", "in the nineties")).isEmpty();
		// amounts in short forms
		assertThat(Numbers.missing("un contrat de 3,5 M€ et une dette de 1,2 Md$", "a €3.5m contract and a $1.2bn debt"))
			.isEmpty();
		assertThat(Numbers.missing("12 Mds€ et 300 k€", "€12 billion and €300,000")).isEmpty();
		assertThat(Numbers.missing("un budget de 2,4 millions", "a budget of 2.4 million")).isEmpty();
		// percentages, in figures or in words on either side
		assertThat(Numbers.missing("une hausse de 5 % et de 0,5 point", "a five per cent rise and half a point")).isEmpty();
		assertThat(Numbers.missing("50 % des votants", "fifty percent of voters")).isEmpty();
		assertThat(Numbers.missing("24h/24 et 7j/7", "24/7")).isEmpty();
		assertThat(Numbers.missing("50 % des votants, 25 % des élus et 67 % des maires", "half the voters, a quarter "
				+ "of those elected and two-thirds of mayors")).isEmpty();
		assertThat(Numbers.missing("un chiffre d'affaires multiplié par 2", "turnover doubled")).isEmpty();
		// holidays, decades and durations
		assertThat(Numbers.missing("le défilé du 14 juillet", "the Bastille Day parade")).isEmpty();
		assertThat(Numbers.missing("dans les années 80", "in the 1980s")).isEmpty();
		assertThat(Numbers.missing("un débat de 2h30", "a two-and-a-half hour debate, 150 minutes")).isEmpty();
		assertThat(Numbers.missing("un débat de 1h30", "a 90-minute debate")).isEmpty();
	}

	@Test
	void aFigureOffInFrenchTypographyIsStillFound() {
		assertThat(Numbers.missing("à 14 201,57", "at 14,201.75")).containsExactly("14 201,57");
		assertThat(Numbers.missing("à 14 201,57", "at 14,201")).containsExactly("14 201,57");
		assertThat(Numbers.missing("de 3 à 5 jours", "three to six days")).containsExactly("5");
		assertThat(Numbers.missing("un contrat de 3,5 M€", "a €5.3m contract")).containsExactly("3,5");
		assertThat(Numbers.missing("le 2e tour", "the third round")).containsExactly("2");
		assertThat(Numbers.missing("40 % des votants", "half the voters")).containsExactly("40");
		assertThat(Numbers.missing("le 14 juillet", "on May Day")).containsExactly("14");
	}

	@Test
	void metricFiguresConvertedToImperialUnitsAreStillThere() {
		assertThat(Numbers.missing("coincé à 15 m au-dessus du sol", "stuck 50ft above the ground")).isEmpty();
		assertThat(Numbers.missing("une citrouille de 922 kg", "a 2,032 pound pumpkin")).isEmpty();
		assertThat(Numbers.missing("272 millions de kg de bonbons", "600 million pounds of candy")).isEmpty();
		assertThat(Numbers.missing("roulant à 210 km/h", "speeding at 130mph")).isEmpty();
		assertThat(Numbers.missing("il faisait 30 °C", "it was 86F")).isEmpty();
		assertThat(Numbers.missing("coincé à 15 m au-dessus du sol", "stuck 60ft above the ground")).containsExactly("15");
	}

	@Test
	void aNumberMissingOrChangedIsFound() {
		assertThat(Numbers.missing("contre 17,9 % lors du précédent scrutin, soit 1 200 votants de plus",
				"against 18% in the previous election, many more voters")).containsExactly("17,9", "1 200");
		assertThat(Numbers.missing("à 21h30", "at 9pm")).containsExactly("21h30");
		assertThat(Numbers.missing("1,36 milliard", "1.6 billion")).containsExactly("1,36");
		assertThat(Numbers.missing("en 2015 3 000 emplois", "3,000 jobs")).containsExactly("2015");
	}

}
