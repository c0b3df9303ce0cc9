package org.passerelle.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleLoaderTests {

	@TempDir
	Path input;

	private final ArticleLoader loader = new ArticleLoader(new ArticleCleaner(), 10_000);

	@Test
	void loadsACleanArticleWithTheHashOfTheFileBytes() throws Exception {
		byte[] bytes = "Titre\n\nUn paragraphe.\n".getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(input.resolve("a.txt"), bytes);

		Article article = loader.load(SourceFile.of(input, file));

		assertThat(article.title()).isEqualTo("Titre");
		assertThat(article.paragraphs()).containsExactly("Un paragraphe.");
		assertThat(article.sha256()).isEqualTo(ArticleLoader.sha256(bytes)).hasSize(64);
	}

	@Test
	void emptyFileIsRefusedWithAReason() throws IOException {
		Path file = Files.write(input.resolve("empty.txt"), new byte[0]);

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessage("the file is empty");
	}

	@Test
	void fileWithoutParagraphsIsRefused() throws IOException {
		Path file = Files.writeString(input.resolve("title-only.txt"), "Juste un titre\n");

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessageContaining("no paragraph");
	}

	@Test
	void aPageWithNoArticleIsRefusedWithWhatThePageIs() throws IOException {
		Path file = Files.writeString(input.resolve("connexion.html"), """
				<html><head><title>Connexion - Le Courrier</title></head><body><h1>Connectez-vous pour lire la suite</h1>
				<form><input type="email" name="email"><input type="password" name="password"><button>Se connecter</button></form>
				</body></html>""");

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessageStartingWith("no article found in the page: a login or subscription wall");
	}

	@Test
	void invalidUtf8IsRefusedRatherThanGarbled() throws IOException {
		Path file = Files.write(input.resolve("latin1.txt"), "Été\n\nDéjà là.".getBytes(StandardCharsets.ISO_8859_1));

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessage("the file is not valid UTF-8 text");
	}

	@Test
	void windows1252FrenchIsReadAndSaysSo() throws Exception {
		String text = "Été meurtrier sur les routes de l’Hérault\n\nLes accidents ont fait 42 morts cet été, "
				+ "selon la préfecture, qui annonce des contrôles renforcés à l’approche des fêtes.";
		Path file = Files.write(input.resolve("ancien.txt"), text.getBytes(java.nio.charset.Charset.forName("windows-1252")));

		Article article = loader.load(SourceFile.of(input, file));

		assertThat(article.encoding()).isEqualTo("windows-1252");
		assertThat(article.title()).isEqualTo("Été meurtrier sur les routes de l’Hérault");
	}

	@Test
	void articleInAnotherLanguageIsRefusedWithTheLanguageNamed() throws IOException {
		Path file = Files.writeString(input.resolve("english.txt"), "Parliament passes the 2027 budget\n\n"
				+ "Members of parliament adopted the finance bill for 2027 on Tuesday evening after three weeks of debate.");

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessage("the article is in english, not French");
	}

	@Test
	void unreadableFileIsRefusedWithTheSystemsReason() throws IOException {
		Path dangling = Files.createSymbolicLink(input.resolve("moved.txt"), input.resolve("gone.txt"));

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, dangling))).isInstanceOf(UnusableArticleException.class)
			.hasMessageStartingWith("the file cannot be read");
	}

	@Test
	void binaryFileIsRefused() throws IOException {
		Path file = Files.write(input.resolve("image.txt"), new byte[] { 'P', 'N', 'G', 0, 0, 1, 2 });

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessageContaining("binary");
	}

	@Test
	void fileOverTheSizeLimitIsRefusedWithoutReadingIt() throws IOException {
		Path file = Files.writeString(input.resolve("huge.txt"), "Titre\n\n" + "mot ".repeat(5_000));

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file))).isInstanceOf(UnusableArticleException.class)
			.hasMessageContaining("over the limit of 10000");
	}

	@Test
	void aFileThatVanishedBeforeItWasReadIsGoneNotUnreadable() throws IOException {
		Path file = Files.writeString(input.resolve("rotated.txt"), "Titre\n\nUn paragraphe.\n");
		SourceFile found = SourceFile.of(input, file);
		Files.delete(file);

		assertThatThrownBy(() -> loader.load(found)).isInstanceOf(ArticleGoneException.class).hasMessage("the file is gone");
	}

	@Test
	void aJsonLinesRecordIsReadWithItsDetailsAndHashedOnItsOwnBytes() throws Exception {
		String line = "{\"headline\": \"Les maires inquiets\", \"text\": \"Les maires, réunis en congrès à Paris, ont accueilli "
				+ "le texte avec prudence.\\n\\nL'opposition réclame un débat approfondi à l'Assemblée nationale.\", "
				+ "\"url\": \"https://exemple.fr/a\", \"author\": [{\"name\": \"Claire Martin\"}], \"date\": \"2026-11-24\"}";
		Path file = Files.writeString(input.resolve("dump.jsonl"), "\n" + line + "\n");
		SourceFile record = SourceFile.of(input, file).withRecord(2, line);

		Article article = loader.load(record);
		Article again = loader.load(SourceFile.fromId(input, "dump.jsonl#2"));

		assertThat(article.title()).isEqualTo("Les maires inquiets");
		assertThat(article.paragraphs()).hasSize(2).last().asString().startsWith("L'opposition");
		assertThat(article.details()).isEqualTo(new SourceDetails("https://exemple.fr/a", "2026-11-24", "Claire Martin", null));
		assertThat(article.sha256()).isEqualTo(ArticleLoader.sha256(line.getBytes(StandardCharsets.UTF_8)));
		assertThat(again).as("read again from the file by its id, as retry-failed does").isEqualTo(
				new Article(again.source(), article.sha256(), article.title(), article.paragraphs(), "UTF-8", article.details()));
	}

	@Test
	void aJsonLinesFileThatOpensWithAByteOrderMarkReadsItsFirstLine() throws Exception {
		String line = "{\"title\": \"Les maires inquiets\", \"text\": \"Les maires, réunis en congrès à Paris, ont accueilli "
				+ "le texte avec une prudence teintée d'inquiétude et réclament des moyens.\"}";
		Path file = Files.writeString(input.resolve("bom.jsonl"), "\uFEFF" + line + "\n");
		List<SourceFile> records = new java.util.ArrayList<>();
		new InputFiles(input).forEachRemaining(records::add);

		assertThat(loader.load(records.get(0)).title()).isEqualTo("Les maires inquiets");
		assertThat(file).exists();
	}

	@Test
	void aBrokenLineIsUnusableWithItsLineNumberAndALineNoLongerThereIsGone() throws IOException {
		Path file = Files.writeString(input.resolve("dump.jsonl"), "{\"title\": \"x\", \"text\": \"coup\n");

		assertThatThrownBy(() -> loader.load(SourceFile.of(input, file).withRecord(1, "{\"title\": \"x\", \"text\": \"coup")))
			.isInstanceOf(UnusableArticleException.class).hasMessageStartingWith("line 1 is not valid JSON");
		assertThatThrownBy(() -> loader.load(SourceFile.fromId(input, "dump.jsonl#7")))
			.isInstanceOf(ArticleGoneException.class).hasMessage("line 7 is no longer in the file");
		assertThatThrownBy(() -> loader.load(SourceFile.of(input, Files.writeString(input.resolve("list.json"), "[1, 2]"))
			.withRecord(2, "2"))).hasMessage("record 2 is not a JSON object with an article's fields");
	}

}
