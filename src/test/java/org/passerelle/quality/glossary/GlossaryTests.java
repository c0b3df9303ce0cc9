package org.passerelle.quality.glossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlossaryTests {

	@TempDir
	Path folder;

	private Glossary write(String name, String text) throws IOException {
		return Glossary.read(Files.writeString(folder.resolve(name), text));
	}

	@Test
	void tabSeparatedEntriesWithNotesAndComments() throws IOException {
		Glossary glossary = write("glossary.tsv", """
				# our house style
				OSDH\tSOHR\torganisation

				gilet jaune\tyellow vest
				Le Monde\tLe Monde\tdo not translate
				""");

		assertThat(glossary.entries()).extracting(GlossaryEntry::french, GlossaryEntry::english, GlossaryEntry::note,
				GlossaryEntry::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OSDH", "SOHR", "organisation", 2),
					org.assertj.core.groups.Tuple.tuple("gilet jaune", "yellow vest", null, 4),
					org.assertj.core.groups.Tuple.tuple("Le Monde", "Le Monde", "do not translate", 5));
	}

	@Test
	void csvWithAHeaderInAnyColumnOrder() throws IOException {
		Glossary glossary = write("glossary.csv", """
				english,french,note
				SOHR,OSDH,"organisation, Syria"
				"the \"\"yellow vests\"\"",gilets jaunes,
				""");

		assertThat(glossary.entries()).extracting(GlossaryEntry::french, GlossaryEntry::english, GlossaryEntry::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OSDH", "SOHR", "organisation, Syria"),
					org.assertj.core.groups.Tuple.tuple("gilets jaunes", "the \"yellow vests\"", null));
	}

	@Test
	void aBadLineIsNamedWithItsNumber() {
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\nAlep    Aleppo\n"))
			.isInstanceOf(InvalidGlossaryException.class)
			.hasMessageEndingWith("glossary.tsv, line 2: expected a French term, a tab, then the English term "
					+ "(is the tab a run of spaces?)");
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\ta\tany\tb\n"))
			.hasMessageEndingWith("line 1: expected at most 4 columns (French, English, note, case), found 5");
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\ta\tb\n"))
			.hasMessageEndingWith("line 1: the case column says 'b'; leave it empty (the term's capitals must be in the "
					+ "text) or write 'any' (whatever the case)");
		assertThatThrownBy(() -> write("glossary.tsv", "# terms\n\tSOHR\n")).hasMessageEndingWith("line 2: the French term is empty");
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\t \n")).hasMessageEndingWith("line 1: the English term for 'OSDH' is empty");
		assertThatThrownBy(() -> write("glossary.csv", "french,english\n\"OSDH,SOHR\n"))
			.hasMessageEndingWith("line 2: a quoted cell is not closed (a \" is missing)");
	}

	@Test
	void aTermGivenTwiceIsRefusedButTheSameWordInAnotherCaseIsAnotherTerm() throws IOException {
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\nAlep\tAleppo\nOSDH\tOSHR\n"))
			.hasMessageEndingWith("line 3: 'OSDH' is already in the glossary, on line 1; keep one of them");
		// an entry of any case covers every case of its term
		assertThatThrownBy(() -> write("glossary.tsv", "Alep\tAleppo\nalep\tAleppo\t\tany\n"))
			.hasMessageEndingWith("line 2: 'alep' is already in the glossary, on line 1; keep one of them");
		assertThatThrownBy(() -> write("glossary.tsv", "alep\tAleppo\t\tany\nALEP\tAleppo\n"))
			.hasMessageEndingWith("line 2: 'ALEP' is already in the glossary, on line 1; keep one of them");

		assertThat(write("glossary.tsv", "Aube\tAube\tthe département\naube\tdawn\n").entries())
			.extracting(GlossaryEntry::french).containsExactly("Aube", "aube");
	}

	/** The newsroom terms that are also words: the cases of issue 20. */
	private static final String HOUSE_TERMS = """
			Le Monde\tLe Monde\tdo not translate
			Orange\tOrange\ttelecoms company
			Total\tTotalEnergies\toil company
			Aube\tAube\tthe département
			Vinci\tVinci\tconstruction group
			Sud Radio\tSud Radio\tradio station
			Marche\tLa République en marche\tthe party
			""";

	@Test
	void aTermWithCapitalsIsNotFoundInTheCommonWordWrittenSmall() throws IOException {
		Glossary glossary = write("glossary.tsv", HOUSE_TERMS);

		for (String common : List.of("Tout le monde était présent.", "Le monde entier regardait.",
				"Il a mangé une orange ; la façade est orange.", "Au total, 300 personnes sont venues.",
				"Ils sont partis à l'aube.", "Le vinci n'existe pas, mais le sud radio non plus.",
				"Une marche blanche a réuni 2 000 personnes.", "Le total est de 12 euros, le monde est petit.")) {
			assertThat(glossary.termsIn(common)).as(common).isEqualTo(GlossaryTerms.NONE);
		}
		assertThat(glossary.termsIn("Selon Le Monde, l'opérateur Orange et le groupe Total ont signé avec Vinci.")
			.entries()).extracting(GlossaryEntry::french).containsExactly("Le Monde", "Orange", "Total", "Vinci");
		assertThat(glossary.termsIn("Le préfet de l'Aube l'a dit à Sud Radio ; la Marche a répondu.").entries())
			.extracting(GlossaryEntry::french).containsExactly("Aube", "Sud Radio", "Marche");
	}

	@Test
	void aCapitalThatItsPlaceExplainsIsPassedOver() throws IOException {
		Glossary glossary = write("glossary.tsv", HOUSE_TERMS + "gilet jaune\tyellow vest\n");

		// "Total," opening a sentence may be the group or "in all": the article's other mentions decide
		assertThat(glossary.termsIn("Total, 300 personnes sont venues. « Orange ? » a-t-il demandé.")).isEqualTo(GlossaryTerms.NONE);
		assertThat(glossary.termsIn("Total, 300 personnes. Le groupe Total a payé.").entries())
			.extracting(GlossaryEntry::french).containsExactly("Total");
		// a headline in capitals says nothing of case; the body repeats what matters
		assertThat(glossary.termsIn("TOUT LE MONDE CONTRE ORANGE ET TOTAL\nIls étaient là.")).isEqualTo(GlossaryTerms.NONE);
		assertThat(write("g7.tsv", "G7\tG7\n").termsIn("G7 : les dirigeants se retrouvent à Biarritz.").entries())
			.hasSize(1);
		assertThat(write("49.tsv", "49.3\tArticle 49.3\n").termsIn("Le 49.3 a été utilisé.").entries()).hasSize(1);
		// a capital the term has beyond its first letter still counts at the start of a sentence
		assertThat(glossary.termsIn("Le Monde a révélé l'affaire.").entries()).extracting(GlossaryEntry::french)
			.containsExactly("Le Monde");
		// a term in small letters takes a capital at the start of a sentence only
		assertThat(glossary.termsIn("Gilets jaunes et policiers se sont fait face.").entries())
			.extracting(GlossaryEntry::french).containsExactly("gilet jaune");
		assertThat(glossary.termsIn("Le mouvement des Gilets Jaunes.")).isEqualTo(GlossaryTerms.NONE);
	}

	@Test
	void anEntryMarkedAnyCaseMatchesWhateverTheCase() throws IOException {
		Glossary glossary = write("glossary.csv", """
				french,english,note,case
				Observatoire syrien des droits de l'homme,Syrian Observatory for Human Rights,,any
				Orange,Orange,telecoms company,
				""");

		assertThat(glossary.entries()).extracting(GlossaryEntry::anyCase).containsExactly(true, false);
		assertThat(glossary.termsIn("selon l'Observatoire Syrien des Droits de l'Homme, et ORANGE").entries())
			.extracting(GlossaryEntry::french).containsExactly("Observatoire syrien des droits de l'homme");
		assertThat(glossary.entries().get(0).renderedIn("the syrian observatory for human rights")).isTrue();
		assertThat(new GlossaryTerms(glossary.entries().subList(0, 1)).fingerprint())
			.isNotEqualTo(new GlossaryTerms(List.of(GlossaryEntry.of("Observatoire syrien des droits de l'homme",
					"Syrian Observatory for Human Rights", null, 2))).fingerprint());
	}

	@Test
	void theEnglishFormIsThereOnlyWithItsCapitals() throws IOException {
		Glossary glossary = write("glossary.tsv", HOUSE_TERMS);
		GlossaryTerms terms = glossary.termsIn("Le Monde, l'opérateur Orange, le groupe Total, l'Aube, Sud Radio, Vinci, "
				+ "la Marche.");

		assertThat(terms.entries()).hasSize(7);
		assertThat(terms.missingFrom("Everyone ate an orange; in total, at dawn, a march on the southern radio."))
			.hasSize(7);
		assertThat(terms.missingFrom("LE MONDE: Orange, TotalEnergies, Aube, Sud Radio, Vinci and La République en "
				+ "Marche.")).isEmpty();
		assertThat(terms.missingFrom("Le Monde, Orange's, totalenergies, the aube, sud radio, VINCI and La République "
				+ "en marche.")).extracting(GlossaryEntry::french).containsExactly("Total", "Aube", "Sud Radio");
	}

	@Test
	void theFileIsFoundBesideTheInputFolderThenInTheWorkDirectory() throws IOException {
		Path input = Files.createDirectories(folder.resolve("newsroom/input"));
		Path work = Files.createDirectories(folder.resolve("newsroom/.passerelle"));

		assertThat(Glossary.locate(null, input, work)).isEmpty();
		Files.writeString(work.resolve("glossary.csv"), "french,english\n");
		assertThat(Glossary.locate(null, input, work)).contains(work.resolve("glossary.csv"));
		Files.writeString(folder.resolve("newsroom/glossary.tsv"), "");
		assertThat(Glossary.locate(null, input, work)).contains(input.toAbsolutePath().getParent().resolve("glossary.tsv"));
		Path elsewhere = Files.writeString(folder.resolve("terms.tsv"), "");
		assertThat(Glossary.locate(elsewhere, input, work)).contains(elsewhere);
		assertThatThrownBy(() -> Glossary.locate(folder.resolve("none.tsv"), input, work))
			.hasMessageContaining("PASSERELLE_GLOSSARY names").hasMessageContaining("none.tsv, which is not a file");
	}

	@Test
	void onlyTheEntriesAnArticleUsesAreItsTerms() throws IOException {
		Glossary glossary = write("glossary.tsv", """
				OSDH\tSOHR
				gilet jaune\tyellow vest
				journal\tnewspaper
				État islamique\tIslamic State
				été\tsummer
				""");

		assertThat(glossary.termsIn("Selon l'OSDH, les gilets jaunes lisent les journaux.").entries())
			.extracting(GlossaryEntry::french).containsExactly("OSDH", "gilet jaune", "journal");
		assertThat(glossary.termsIn("L'Etat islamique a revendiqué l'attentat.").entries())
			.extracting(GlossaryEntry::french).containsExactly("État islamique");
		// whole words, acronyms in capitals, accents kept on small letters
		assertThat(glossary.termsIn("Les osdhx et l'OSDHS ; il a été vu ; un ete pluvieux ; des journalistes.").entries())
			.extracting(GlossaryEntry::french).containsExactly("été");
		assertThat(glossary.termsIn("Rien de tout cela.")).isEqualTo(GlossaryTerms.NONE);
	}

	@Test
	void theRequiredEnglishFormIsLookedForAsAWholeWord() {
		GlossaryTerms terms = new GlossaryTerms(java.util.List.of(GlossaryEntry.of("OSDH", "SOHR", null, 1),
				GlossaryEntry.of("gilet jaune", "yellow vest", null, 2), GlossaryEntry.of("politique", "policy", null, 3)));

		assertThat(terms.missingFrom("The SOHR's figures; Yellow Vests marched; new policies.")).isEmpty();
		assertThat(terms.missingFrom("The OSHR's figures; yellow jackets marched; a new politic."))
			.extracting(GlossaryEntry::french).containsExactly("OSDH", "gilet jaune", "politique");
	}

	@Test
	void theFingerprintChangesWithAnEntryTheArticleUsesAndWithNoOther() {
		GlossaryEntry sohr = GlossaryEntry.of("OSDH", "SOHR", null, 1);
		GlossaryTerms terms = new GlossaryTerms(java.util.List.of(sohr, GlossaryEntry.of("Alep", "Aleppo", null, 2)));

		assertThat(terms.fingerprint()).hasSize(64).isEqualTo(new GlossaryTerms(java.util.List.of(
				GlossaryEntry.of("Alep", "Aleppo", null, 9), sohr)).fingerprint());
		assertThat(terms.fingerprint()).isNotEqualTo(new GlossaryTerms(java.util.List.of(sohr,
				GlossaryEntry.of("Alep", "Halab", null, 2))).fingerprint());
		assertThat(GlossaryTerms.NONE.fingerprint()).isNull();
	}

}
