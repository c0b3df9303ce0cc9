package org.passerelle.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InputFilesTests {

	@TempDir
	Path input;

	@Test
	void yieldsTextAndMarkdownFilesRecursivelyInAStableOrder() throws IOException {
		for (String name : List.of("b.txt", "a/z.md", "a/y/x.txt", "a.txt", "notes.pdf", ".hidden.txt", ".git/c.txt",
				"c/empty-dir-file.TXT")) {
			Path file = input.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "x");
		}

		List<String> ids = new ArrayList<>();
		new InputFiles(input).forEachRemaining(file -> ids.add(file.id()));

		assertThat(ids).containsExactly("a/y/x.txt", "a/z.md", "a.txt", "b.txt", "c/empty-dir-file.TXT");
	}

	@Test
	void compareIdsFollowsTheWalkOrder() throws IOException {
		for (String name : List.of("a/y/x.txt", "a/z.md", "a.txt", "b.txt", "b-c/d.txt")) {
			Path file = input.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "x");
		}
		List<String> ids = new ArrayList<>();
		new InputFiles(input).forEachRemaining(file -> ids.add(file.id()));

		List<String> sorted = new ArrayList<>(ids);
		sorted.sort(InputFiles::compareIds);
		assertThat(sorted).isEqualTo(ids);
	}

	@Test
	void whatIsNotAnArticleIsCountedByKindAndNamedInOneLine() throws IOException {
		for (String name : List.of("a.txt", "scan.pdf", "photo.JPG", "b/photo2.jpg", "b/next.html.part", "c.tmp",
				".~lock.a.docx#", "LISEZMOI", "page.htm", "dump.jsonl")) {
			write(name, "x");
		}
		InputFiles files = new InputFiles(input);
		List<String> ids = new ArrayList<>();
		files.forEachRemaining(file -> ids.add(file.id()));

		assertThat(ids).containsExactly("a.txt", "dump.jsonl#1", "page.htm");
		assertThat(files.skipped()).isEqualTo(java.util.Map.of(".jpg", 2, ".pdf", 1, ".part", 1, ".tmp", 1, "hidden", 1,
				"no extension", 1));
		assertThat(InputFiles.describeSkipped(files.skipped())).hasValue(
				"7 files skipped (not articles): 2 .jpg, 1 .part, 1 .pdf, 1 .tmp, 1 hidden, 1 no extension");
		assertThat(InputFiles.describeSkipped(java.util.Map.of())).isEmpty();
	}

	@Test
	void eachLineOfAJsonLinesFileAndEachElementOfAJsonArrayIsAnArticleNamedByItsNumber() throws IOException {
		write("dump.jsonl", "{\"title\": \"un\"}\n\n{\"title\": \"trois\"}\n{broken\n");
		write("feed.json", "[{\"title\": \"a\"}, {\"title\": \"b\"}]");
		write("one.json", "{\"title\": \"seul\"}");

		List<SourceFile> found = new ArrayList<>();
		new InputFiles(input).forEachRemaining(found::add);

		assertThat(found).extracting(SourceFile::id)
			.containsExactly("dump.jsonl#1", "dump.jsonl#3", "dump.jsonl#4", "feed.json#1", "feed.json#2", "one.json");
		assertThat(found.get(1).record()).isEqualTo(3);
		assertThat(found.get(1).recordText()).isEqualTo("{\"title\": \"trois\"}");
		assertThat(found.get(2).recordText()).as("a broken line is still an article, to be reported").isEqualTo("{broken");
		assertThat(found.get(4).recordText()).isEqualTo("{\"title\":\"b\"}");
		assertThat(found.get(5).record()).isZero();
	}

	@Test
	void recordsSortByNumberAndARestartResumesAfterTheLastOne() {
		List<String> ids = new ArrayList<>(List.of("d.jsonl#10", "d.jsonl#9", "c.txt", "d.jsonl#2", "e#1.txt", "d.jsonl"));
		ids.sort(InputFiles::compareIds);

		assertThat(ids).containsExactly("c.txt", "d.jsonl", "d.jsonl#2", "d.jsonl#9", "d.jsonl#10", "e#1.txt");
		assertThat(SourceFile.recordOf("e#1.txt")).as("a # in a text file's name is just a name").isZero();
		assertThat(SourceFile.recordOf("a/d.jsonl#12")).isEqualTo(12);
	}

	@Test
	void filesOfOneFolderWhoseOutputsWouldShareNamesKnowOfEachOther() throws IOException {
		write("a.md", "x");
		write("a.txt", "x");
		write("a.jsonl", "{}");
		write("b.txt", "x");
		write("sub/a.txt", "x");
		write("feed.json", "[]");
		write("feed.html", "x");

		List<SourceFile> found = new ArrayList<>();
		new InputFiles(input).forEachRemaining(found::add);

		assertThat(found).filteredOn(file -> file.id().equals("a.txt")).singleElement()
			.satisfies(file -> assertThat(file.namesakes()).containsExactly("a.md"));
		assertThat(found).filteredOn(file -> file.id().equals("a.md")).singleElement()
			.satisfies(file -> assertThat(file.namesakes()).containsExactly("a.txt"));
		assertThat(found).filteredOn(file -> List.of("b.txt", "sub/a.txt", "feed.html").contains(file.id()))
			.as("a JSON array's records go to a folder of their own").allSatisfy(file -> assertThat(file.namesakes()).isEmpty());
		assertThat(InputFiles.withNamesakes(SourceFile.fromId(input, "a.txt")).namesakes())
			.as("found again from an id, as retry-failed does").containsExactly("a.md");
	}

	private void write(String name, String text) throws IOException {
		Path file = input.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
