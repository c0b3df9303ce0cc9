package org.passerelle.llm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A provider's batch API: half the price for answers within 24 hours. Requests go in with ids of ours,
 * answers come back in any order and are joined on those ids.
 */
public interface ProviderBatches {

	/** The most requests one batch may hold. */
	int maxRequests();

	/** The most bytes one batch's requests may take. */
	long maxBytes();

	/** Submits one batch and returns its id. */
	String submit(List<BatchRequest> requests) throws IOException;

	BatchState poll(String batchId) throws IOException;

	/**
	 * Writes every answer the batch has, in the normalised form {@link BatchAnswers} reads, to
	 * {@code results} (atomically). A request with no answer is simply absent: it is sent live.
	 */
	void download(String batchId, Path results) throws IOException;

}
