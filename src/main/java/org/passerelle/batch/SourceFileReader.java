package org.passerelle.batch;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.passerelle.article.InputFiles;
import org.passerelle.article.SourceFile;
import org.passerelle.ledger.ArticleLedger;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads the articles of a run one at a time: every article of the input folder, or, for a
 * {@code retry-failed} run, only those the ledger lists as failed for this input and output folder. Its
 * restart state is the id of the last article of the last committed chunk: a restart resumes after it,
 * even if files were added meanwhile. It also keeps what the walk passed over as not articles.
 */
public class SourceFileReader extends ItemStreamSupport implements ItemStreamReader<SourceFile> {

	static final String NAME = "sourceFileReader";

	static final String LAST_ID = "last.id";

	/** Files that are not articles, by kind, as {@code .pdf=2,.part=1}: what {@code status} shows. */
	static final String SKIPPED = "skipped";

	/** How many failed articles a {@code retry-failed} run found to send. */
	static final String FAILED_FOUND = "failed.found";

	private final Path inputDir;

	private final List<String> failedIds;

	private InputFiles walk;

	private Iterator<SourceFile> articles;

	private String lastId;

	private DeferredArticles deferred;

	/** In a distributed run, the partition this reader's worker runs: index of count; null for a local run. */
	private int[] partition;

	/** Every article of the folder. */
	public SourceFileReader(Path inputDir) {
		this(inputDir, null);
	}

	/** Articles a run stopped at its spending cap left unsent come first on its restart. */
	SourceFileReader deferring(DeferredArticles deferredArticles) {
		this.deferred = deferredArticles;
		return this;
	}

	/** Only the articles of one partition of a distributed run (see {@link PartitionKey}). */
	SourceFileReader inPartition(Integer index, Integer count) {
		if (index != null && count != null && count > 1) {
			this.partition = new int[] { index, count };
		}
		return this;
	}

	private boolean mine(String id) {
		return partition == null || PartitionKey.of(id, partition[1]) == partition[0];
	}

	/**
	 * @param failedIds the articles to read again, or null for every article of the folder
	 */
	SourceFileReader(Path inputDir, List<String> failedIds) {
		this.inputDir = inputDir;
		this.failedIds = failedIds == null ? null : failedIds.stream().sorted(InputFiles::compareIds).toList();
		setName(NAME);
	}

	/** A {@code retry-failed} run's reader: the failed articles of this input folder that go to this output folder. */
	static SourceFileReader failedOnly(ArticleLedger ledger, Path inputDir, Path outputDir) {
		return new SourceFileReader(inputDir, ledger.failedArticleIds(normalized(inputDir), normalized(outputDir)));
	}

	private static String normalized(Path directory) {
		return SourceFile.normalized(directory).toString();
	}

	@Override
	public void open(ExecutionContext context) {
		if (failedIds == null) {
			walk = new InputFiles(inputDir);
			articles = walk;
		}
		else {
			articles = failedIds.stream().map(id -> InputFiles.withNamesakes(SourceFile.fromId(inputDir, id))).iterator();
		}
		lastId = context.containsKey(getExecutionContextKey(LAST_ID)) ? context.getString(getExecutionContextKey(LAST_ID)) : null;
	}

	@Override
	public SourceFile read() {
		String again = deferred == null ? null : deferred.nextToReadAgain();
		if (again != null) {
			return InputFiles.withNamesakes(SourceFile.fromId(inputDir, again));
		}
		while (articles.hasNext()) {
			SourceFile next = articles.next();
			if ((lastId == null || InputFiles.compareIds(next.id(), lastId) > 0) && mine(next.id())) {
				lastId = next.id();
				return next;
			}
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		if (lastId != null) {
			context.putString(getExecutionContextKey(LAST_ID), lastId);
		}
		if (walk != null) {
			// the walk starts again from the top on restart, so its counts are always the whole folder's so far
			context.putString(getExecutionContextKey(SKIPPED), format(walk.skipped()));
		}
		if (failedIds != null) {
			context.putLong(getExecutionContextKey(FAILED_FOUND), failedIds.size());
		}
	}

	@Override
	public void close() {
		if (walk != null) {
			walk.close();
		}
	}

	Path inputDir() {
		return inputDir;
	}

	/** The id a restart resumes after, from the step's saved state; null for a fresh start. */
	String resumeAfter(ExecutionContext context) {
		String key = getExecutionContextKey(LAST_ID);
		return context.containsKey(key) ? context.getString(key) : null;
	}

	/**
	 * Counts the articles this reader will return, walking the folder (or the failed list) apart from the
	 * run's own walk; the counter can run on any thread, outside the step's scope.
	 */
	java.util.function.LongSupplier counter(String resumeAfter) {
		return () -> countAfter(resumeAfter);
	}

	private long countAfter(String resumeAfter) {
		long count = 0;
		if (failedIds != null) {
			return failedIds.stream()
				.filter(id -> (resumeAfter == null || InputFiles.compareIds(id, resumeAfter) > 0) && mine(id))
				.count();
		}
		try (InputFiles all = new InputFiles(inputDir)) {
			while (all.hasNext()) {
				String id = all.next().id();
				if ((resumeAfter == null || InputFiles.compareIds(id, resumeAfter) > 0) && mine(id)) {
					count++;
				}
			}
		}
		return count;
	}

	static String format(Map<String, Integer> skipped) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(skipped).forEach((kind, count) -> text.append(text.isEmpty() ? "" : ",").append(kind).append('=').append(count));
		return text.toString();
	}

	static Map<String, Integer> parse(String skipped) {
		Map<String, Integer> kinds = new TreeMap<>();
		if (skipped != null && !skipped.isEmpty()) {
			for (String entry : skipped.split(",")) {
				int equals = entry.lastIndexOf('=');
				kinds.put(entry.substring(0, equals), Integer.parseInt(entry.substring(equals + 1)));
			}
		}
		return kinds;
	}

}
