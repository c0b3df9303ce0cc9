package org.passerelle.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run in batch mode keeps about its provider batches in the job's execution context, which
 * survives the process: the batch ids (saved as soon as the provider gives them, before any waiting, so
 * a restart polls the same batches and submits nothing twice), which article each request is for, and
 * where the downloaded answers are.
 */
final class ProviderBatch {

	static final String IDS = "passerelle.batch.ids";

	/** One line per request: its custom id, a tab, the article's id. */
	static final String ITEMS = "passerelle.batch.items";

	static final String RESULTS = "passerelle.batch.results";

	/** Set when a batch failed or expired as a whole, so that its restart uses what it answered and goes on. */
	static final String FAILED_PREFIX = "passerelle.batch.failed.";

	private ProviderBatch() {
	}

	static boolean submitted(ExecutionContext job) {
		return job.containsKey(IDS);
	}

	static List<String> ids(ExecutionContext job) {
		return split(job.getString(IDS, ""));
	}

	static List<String> results(ExecutionContext job) {
		return split(job.getString(RESULTS, ""));
	}

	static void addResults(ExecutionContext job, Path file) {
		List<String> files = new ArrayList<>(results(job));
		files.add(file.toString());
		job.putString(RESULTS, String.join(",", files));
	}

	/** Where a batch's answers are downloaded to, in the work directory. */
	static Path resultsFile(Path workDir, String batchId) {
		return workDir.resolve("batches").resolve(batchId.replaceAll("[^A-Za-z0-9_-]", "_") + ".results.jsonl");
	}

	private static List<String> split(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
