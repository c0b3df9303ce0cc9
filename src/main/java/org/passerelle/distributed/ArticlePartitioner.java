package org.passerelle.distributed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.passerelle.article.InputFiles;
import org.passerelle.batch.PartitionKey;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's articles into partitions by {@link PartitionKey}: each partition's context says which
 * share its worker reads, and how many articles the share holds (for {@code status}). The articles are
 * not listed in the context: the worker's reader walks the folder and keeps its own, so a partition's
 * state stays small however large the folder.
 */
class ArticlePartitioner implements Partitioner {

	static final String ARTICLES = "partition.articles";

	static final String NAME_PREFIX = "partition";

	private final Path inputDir;

	private final int partitions;

	ArticlePartitioner(Path inputDir, int partitions) {
		this.inputDir = inputDir;
		this.partitions = partitions;
	}

	/** The grid size Spring Batch passes is the builder's; a run's own number of partitions wins. */
	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long[] articles = new long[partitions];
		try (InputFiles files = new InputFiles(inputDir)) {
			while (files.hasNext()) {
				articles[PartitionKey.of(files.next().id(), partitions)]++;
			}
		}
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		for (int index = 0; index < partitions; index++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(PartitionKey.INDEX, index);
			context.putInt(PartitionKey.COUNT, partitions);
			context.putLong(ARTICLES, articles[index]);
			contexts.put(NAME_PREFIX + index, context);
		}
		return contexts;
	}

}
