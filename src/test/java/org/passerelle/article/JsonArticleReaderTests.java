package org.passerelle.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON shapes crawlers write, as their documentation shows them. */
class JsonArticleReaderTests {

	private final JsonArticleReader reader = new JsonArticleReader();

	@Test
	void newsPleaseRecordGivesTitleParagraphsAndDetails() throws Exception {
		ExtractedArticle article = reader.read("""
				{"title": "Grève à la SNCF", "maintext": "La grève a touché 40 % des lignes.\\nLa direction appelle au calme.",
				 "url": "https://www.exemple.fr/greve", "authors": ["Claire Martin", "Paul Roche"],
				 "date_publish": "2026-11-24 06:00:00", "source_domain": "www.exemple.fr", "language": "fr"}""", "line 1");

		assertThat(article.title()).isEqualTo("Grève à la SNCF");
		assertThat(article.paragraphs()).containsExactly("La grève a touché 40 % des lignes.", "La direction appelle au calme.");
		assertThat(article.details()).isEqualTo(new SourceDetails("https://www.exemple.fr/greve", "2026-11-24 06:00:00",
				"Claire Martin, Paul Roche", "www.exemple.fr"));
	}

	@Test
	void trafilaturaRecordSplitsOnBlankLinesAndTakesItsSourceAsTheUrl() throws Exception {
		ExtractedArticle article = reader.read("""
				{"title": "Budget", "author": "Claire Martin", "hostname": "exemple.fr", "date": "2026-11-24",
				 "sitename": "Exemple", "source": "https://exemple.fr/budget",
				 "text": "Premier paragraphe,\\nsur deux lignes.\\n\\nSecond paragraphe."}""", "the file");

		assertThat(article.paragraphs()).containsExactly("Premier paragraphe,\nsur deux lignes.", "Second paragraphe.");
		assertThat(article.details()).isEqualTo(new SourceDetails("https://exemple.fr/budget", "2026-11-24", "Claire Martin",
				"Exemple"));
	}

	@Test
	void scrapyItemWithAParagraphsArrayAndAHeadline() throws Exception {
		ExtractedArticle article = reader.read("""
				{"headline": "Les maires inquiets", "paragraphs": ["Un.", "Deux."], "link": "https://exemple.fr/m",
				 "author": {"name": "Paul Roche"}}""", "record 3");

		assertThat(article.title()).isEqualTo("Les maires inquiets");
		assertThat(article.paragraphs()).containsExactly("Un.", "Deux.");
		assertThat(article.details().url()).isEqualTo("https://exemple.fr/m");
		assertThat(article.details().author()).isEqualTo("Paul Roche");
	}

	@Test
	void brokenOrEmptyRecordsSayWhereAndWhy() {
		assertThatThrownBy(() -> reader.read("{\"title\": ", "line 12")).hasMessageStartingWith("line 12 is not valid JSON");
		assertThatThrownBy(() -> reader.read("{\"id\": 4}", "line 13")).hasMessageStartingWith("line 13 has neither a title nor a text");
		assertThatThrownBy(() -> reader.read("\"juste un texte\"", "line 14")).hasMessage(
				"line 14 is not a JSON object with an article's fields");
	}

}
