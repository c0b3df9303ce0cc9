package org.passerelle.batch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What one job execution did, in the words of the {@code status} table.
 *
 * @param status Spring Batch's status: COMPLETED, FAILED, STOPPED, STARTED...
 * @param read article files read
 * @param written articles translated and written
 * @param unchanged articles left alone because they were already translated
 * @param failed articles recorded as failed in the ledger
 * @param retries calls to the provider that were tried again
 * @param errors why the execution itself failed, if it did
 */
public record RunSummary(long executionId, LocalDate date, LocalDateTime start, LocalDateTime end, String status,
		long read, long written, long unchanged, long failed, long retries, long inputTokens, long outputTokens,
		List<Throwable> errors) {

	public long totalTokens() {
		return inputTokens + outputTokens;
	}

	/** How long the execution ran (so far, if it has not ended). */
	public java.time.Duration duration() {
		return start == null ? java.time.Duration.ZERO
				: java.time.Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

}
