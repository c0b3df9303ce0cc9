package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.article.SourceFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The workers' readers of one run: together they read every article once, and a restart resumes in its share. */
class PartitionedReaderTests {

	@TempDir
	Path input;

	@Test
	void thePartitionsReadersTogetherReadEveryArticleOnceAndARestartResumesAfterItsLastCommit() throws IOException {
		for (int i = 0; i < 60; i++) {
			Files.createDirectories(input.resolve("rubrique-" + i % 3));
			Files.writeString(input.resolve("rubrique-" + i % 3 + "/depeche-" + i + ".txt"), "Titre\n\nTexte.\n");
		}
		Set<String> seen = new HashSet<>();
		List<String> firstShare = new ArrayList<>();
		for (int index = 0; index < 3; index++) {
			for (String id : readAll(reader(index), new ExecutionContext())) {
				assertThat(seen.add(id)).as("%s read by two partitions", id).isTrue();
				assertThat(PartitionKey.of(id, 3)).isEqualTo(index);
				if (index == 0) {
					firstShare.add(id);
				}
			}
		}
		assertThat(seen).hasSize(60);

		ExecutionContext committed = new ExecutionContext();
		SourceFileReader interrupted = reader(0);
		interrupted.open(committed);
		interrupted.read();
		interrupted.read();
		interrupted.update(committed);
		interrupted.close();
		assertThat(readAll(reader(0), committed)).isEqualTo(firstShare.subList(2, firstShare.size()));
	}

	private SourceFileReader reader(int index) {
		return new SourceFileReader(input).inPartition(index, 3);
	}

	private static List<String> readAll(SourceFileReader reader, ExecutionContext context) {
		List<String> ids = new ArrayList<>();
		reader.open(context);
		for (SourceFile file = reader.read(); file != null; file = reader.read()) {
			ids.add(file.id());
		}
		reader.close();
		return ids;
	}

}
