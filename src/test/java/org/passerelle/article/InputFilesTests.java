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

}
