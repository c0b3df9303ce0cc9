package org.passerelle.quality.glossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\ta\tb\n"))
			.hasMessageEndingWith("line 1: expected at most 3 columns (French, English, note), found 4");
		assertThatThrownBy(() -> write("glossary.tsv", "# terms\n\tSOHR\n")).hasMessageEndingWith("line 2: the French term is empty");
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\t \n")).hasMessageEndingWith("line 1: the English term for 'OSDH' is empty");
		assertThatThrownBy(() -> write("glossary.csv", "french,english\n\"OSDH,SOHR\n"))
			.hasMessageEndingWith("line 2: a quoted cell is not closed (a \" is missing)");
	}

	@Test
	void aTermGivenTwiceIsRefused() {
		assertThatThrownBy(() -> write("glossary.tsv", "OSDH\tSOHR\nAlep\tAleppo\nosdh\tOSHR\n"))
			.hasMessageEndingWith("line 3: 'osdh' is already in the glossary, on line 1; keep one of them");
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
