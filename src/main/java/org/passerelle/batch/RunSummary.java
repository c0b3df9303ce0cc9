package org.passerelle.batch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What one job execution did, in the words of the {@code status} table.
 *
 * @param status Spring Batch's status: COMPLETED, FAILED, STOPPED, STARTED...
 * @param inputDir the input folder it read
 * @param outputDir the output folder it wrote to
 * @param read articles read
 * @param written articles translated and written
 * @param unchanged articles left alone because they were already translated
 * @param failed articles recorded as failed in the ledger
 * @param gone articles whose file vanished before it was read: not failures
 * @param skipped files that are not articles, by kind ({@code .pdf}, {@code .part}, "hidden")
 * @param deferred articles left because the run reached its spending cap: read but not sent, or not read yet
 * @param capReached the spending cap the run stopped at, in words, or null
 * @param retries calls to the provider that were tried again
 * @param inputTokens input tokens billed, live and batch
 * @param batchInputTokens of those, the tokens of answers from a provider batch, billed at the batch price
 * @param errors why the execution itself failed, if it did
 * @param paragraphsFromMemory paragraphs of the written articles that came from the translation memory
 * @param savedInputTokens input tokens the memory spared, estimated as the dry run estimates
 * @param savedOutputTokens output tokens it spared
 */
public record RunSummary(long executionId, LocalDate date, LocalDateTime start, LocalDateTime end, String status,
		String inputDir, String outputDir, long read, long written, long unchanged, long failed, long gone,
		Map<String, Integer> skipped, long deferred, String capReached, long retries, long inputTokens, long outputTokens,
		long batchInputTokens, long batchOutputTokens, List<Throwable> errors, long paragraphsFromMemory,
		long savedInputTokens, long savedOutputTokens) {

	public RunSummary {
		skipped = Map.copyOf(skipped);
	}

	public long totalTokens() {
		return inputTokens + outputTokens;
	}

	/** What the run cost at these prices, batch tokens at their share of the price; empty without prices. */
	public java.util.OptionalDouble cost(org.passerelle.config.PasserelleProperties.Prices prices, double batchShare) {
		java.util.OptionalDouble live = prices.cost(inputTokens - batchInputTokens, outputTokens - batchOutputTokens);
		java.util.OptionalDouble batch = prices.cost(batchInputTokens, batchOutputTokens);
		return live.isEmpty() ? live : java.util.OptionalDouble.of(live.getAsDouble() + batch.getAsDouble() * batchShare);
	}

	/** How long the execution ran (so far, if it has not ended). */
	public java.time.Duration duration() {
		return start == null ? java.time.Duration.ZERO
				: java.time.Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

}
