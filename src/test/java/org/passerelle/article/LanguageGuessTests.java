package org.passerelle.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.passerelle.testing.HumanTranslations;

class LanguageGuessTests {

	private static final String FRENCH = "Le gouvernement a présenté mardi son projet de budget pour 2027, qui prévoit une "
			+ "hausse des dépenses de défense et une baisse des aides aux entreprises. Selon le ministre de l'Économie, "
			+ "le déficit public devrait être ramené à 4,5 % du produit intérieur brut, un objectif jugé trop optimiste "
			+ "par le Haut Conseil des finances publiques. Les députés de l'opposition ont dénoncé un texte qui, selon "
			+ "eux, fait peser l'effort sur les ménages les plus modestes.";

	// other languages, each about as long: Lingua must still be the one to name them
	private static final Map<String, String> OTHERS = Map.of(
			"english", "The government presented its draft budget for 2027 on Tuesday, which plans an increase in "
					+ "defence spending and a cut in subsidies to companies. According to the economy minister, the public "
					+ "deficit should be brought down to 4.5% of gross domestic product, a target that the public finance "
					+ "council considers too optimistic. Opposition members said the bill puts the burden on the poorest.",
			"spanish", "El gobierno presentó el martes su proyecto de presupuesto para 2027, que prevé un aumento del gasto "
					+ "en defensa y una reducción de las ayudas a las empresas. Según el ministro de Economía, el déficit "
					+ "público debería reducirse al 4,5 % del producto interior bruto, un objetivo que el consejo de finanzas "
					+ "públicas considera demasiado optimista. Los diputados de la oposición denunciaron un texto que les pesa.",
			"italian", "Il governo ha presentato martedì il suo progetto di bilancio per il 2027, che prevede un aumento "
					+ "della spesa per la difesa e una riduzione degli aiuti alle imprese. Secondo il ministro dell'Economia, "
					+ "il deficit pubblico dovrebbe scendere al 4,5 % del prodotto interno lordo, un obiettivo che il consiglio "
					+ "delle finanze pubbliche giudica troppo ottimista. I deputati dell'opposizione hanno criticato il testo.",
			"portuguese", "O governo apresentou na terça-feira o seu projeto de orçamento para 2027, que prevê um aumento "
					+ "das despesas com a defesa e uma redução dos apoios às empresas. Segundo o ministro da Economia, o "
					+ "défice público deverá descer para 4,5 % do produto interno bruto, um objetivo que o conselho das "
					+ "finanças públicas considera demasiado otimista. Os deputados da oposição criticaram mais uma vez o texto.",
			"german", "Die Regierung hat am Dienstag ihren Haushaltsentwurf für 2027 vorgestellt, der höhere Ausgaben für "
					+ "die Verteidigung und weniger Hilfen für Unternehmen vorsieht. Nach Angaben des Wirtschaftsministers "
					+ "soll das öffentliche Defizit auf 4,5 % des Bruttoinlandsprodukts sinken, ein Ziel, das der Rat für "
					+ "öffentliche Finanzen für zu optimistisch hält. Die Abgeordneten der Opposition kritisierten den Text des Ministers.",
			"dutch", "De regering heeft dinsdag haar ontwerpbegroting voor 2027 gepresenteerd, die voorziet in hogere "
					+ "uitgaven voor defensie en minder steun voor bedrijven. Volgens de minister van Economische Zaken moet "
					+ "het begrotingstekort dalen tot 4,5 % van het bruto binnenlands product, een doel dat de raad voor de "
					+ "overheidsfinanciën te optimistisch vindt. De leden van de oppositie bekritiseerden de tekst.");

	@Test
	void frenchNewsIsFrenchByItsLittleWordsWithoutLingua() {
		assertThat(FrenchFunctionWords.plainlyFrench(FRENCH)).isTrue();
		assertThat(LanguageGuess.shared().of(FRENCH)).contains("french");
	}

	@Test
	void otherLanguagesAreNeverTakenForFrenchByTheShortcutAndLinguaNamesThem() {
		OTHERS.forEach((language, text) -> {
			assertThat(FrenchFunctionWords.plainlyFrench(text)).as(language).isFalse();
			assertThat(LanguageGuess.shared().of(text)).as(language).contains(language);
		});
	}

	@Test
	void englishWithFrenchQuotedIsLeftToLingua() {
		String mixed = OTHERS.get("english") + " \"Nous ne lâcherons rien\", said one of them.";

		assertThat(FrenchFunctionWords.plainlyFrench(mixed)).isFalse();
		assertThat(LanguageGuess.shared().of(mixed)).contains("english");
	}

	@Test
	void aShortTextIsNotJudged() {
		assertThat(FrenchFunctionWords.plainlyFrench("Le budget est adopté dans la nuit.")).isFalse();
		assertThat(LanguageGuess.shared().of("Le budget est adopté.")).isEqualTo(Optional.empty());
	}

	@Test
	void humanTranslationsAreTakenForWhatTheyAre() {
		List<HumanTranslations.Document> documents = HumanTranslations.documents();
		int shortcut = 0;
		for (HumanTranslations.Document document : documents) {
			String french = String.join("\n", document.french());
			String english = String.join("\n", document.english());
			assertThat(LanguageGuess.shared().of(french)).as(document.name()).contains("french");
			assertThat(LanguageGuess.shared().of(english)).as(document.name()).contains("english");
			assertThat(FrenchFunctionWords.plainlyFrench(LanguageGuess.excerpts(english))).as(document.name()).isFalse();
			if (FrenchFunctionWords.plainlyFrench(LanguageGuess.excerpts(french))) {
				shortcut++;
			}
		}
		// the shortcut is worth having only if it answers for nearly every real article
		assertThat(shortcut).as("French documents judged without Lingua").isGreaterThanOrEqualTo(documents.size() * 9 / 10);
	}

}
