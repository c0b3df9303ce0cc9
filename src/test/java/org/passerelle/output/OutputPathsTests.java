package org.passerelle.output;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputPathsTests {

	private final Path out = Path.of("/srv/out");

	@Test
	void aFileKeepsItsFolderAndLosesItsExtension() {
		assertThat(OutputPaths.of(out, "politique/budget.txt").translation()).isEqualTo(out.resolve("politique/budget.en.md"));
		assertThat(OutputPaths.of(out, "page.html").metadata()).isEqualTo(out.resolve("page.meta.json"));
		assertThat(OutputPaths.of(out, "a#1.txt").summary()).isEqualTo(out.resolve("a#1.summary.md"));
	}

	@Test
	void aRecordOfAJsonDumpGoesToAFolderNamedAfterTheDump() {
		assertThat(OutputPaths.of(out, "2026-11-24/nuit.jsonl#12").translation())
			.isEqualTo(out.resolve("2026-11-24/nuit.jsonl/12.en.md"));
		assertThat(OutputPaths.of(out, "feed.json#3").metadata()).isEqualTo(out.resolve("feed.json/3.meta.json"));
	}

}
