package org.passerelle.distributed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.batch.PartitionKey;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/** How a run's articles are split: every article in exactly one partition, the same one every time. */
class ArticlePartitionerTests {

	@TempDir
	Path input;

	@Test
	void everyArticleFallsInOnePartitionOfSimilarSizeAndTheSplitIsTheSameEveryTime() throws IOException {
		for (int i = 0; i < 400; i++) {
			Files.writeString(input.resolve(String.format("depeche-%03d.txt", i)), "Titre\n\nTexte.\n");
		}

		Map<String, ExecutionContext> first = new ArticlePartitioner(input, 4).partition(99);
		Map<String, ExecutionContext> again = new ArticlePartitioner(input, 4).partition(1);

		assertThat(first).containsOnlyKeys("partition0", "partition1", "partition2", "partition3");
		long total = 0;
		for (Map.Entry<String, ExecutionContext> partition : first.entrySet()) {
			ExecutionContext context = partition.getValue();
			assertThat(context.getInt(PartitionKey.COUNT)).isEqualTo(4);
			long articles = context.getLong(ArticlePartitioner.ARTICLES);
			assertThat(articles).as(partition.getKey()).isBetween(80L, 120L);
			assertThat(again.get(partition.getKey()).getLong(ArticlePartitioner.ARTICLES)).isEqualTo(articles);
			total += articles;
		}
		assertThat(total).isEqualTo(400);
	}

	@Test
	void theKeyDependsOnTheArticleIdAloneAndOnePartitionTakesEverything() {
		Map<Integer, Integer> sizes = new TreeMap<>();
		for (int i = 0; i < 1000; i++) {
			String id = "lemonde/2026/12/article-" + i + ".html";
			int key = PartitionKey.of(id, 8);
			assertThat(PartitionKey.of(id, 8)).isEqualTo(key);
			assertThat(PartitionKey.of(id, 1)).isZero();
			sizes.merge(key, 1, Integer::sum);
		}
		assertThat(sizes).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7);
		assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(95, 155));
	}

}
