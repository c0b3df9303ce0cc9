package org.passerelle.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.passerelle.batch.RunSummary;
import org.passerelle.config.PasserelleProperties;

/**
 * One run as {@code status --json} prints it, and as a running process publishes its history for a
 * {@code status} that cannot open the database. The README documents it field by field.
 *
 * @param cost null when no price is set, batch tokens at the batch price
 * @param deferred articles left for later at the spending cap; {@code capReached} the cap, in words, or null
 * @param paragraphsFromMemory paragraphs the translation memory gave, sparing about {@code savedInputTokens}
 * and {@code savedOutputTokens}
 */
record RunRecord(long executionId, LocalDate date, LocalDateTime start, LocalDateTime end, String status,
		String inputDir, String outputDir, long read, long translated, long unchanged, long failed, long gone,
		Map<String, Integer> skipped, long retries, long inputTokens, long outputTokens, Double cost,
		double durationSeconds, long deferred, String capReached, long batchInputTokens, long batchOutputTokens,
		long paragraphsFromMemory, long savedInputTokens, long savedOutputTokens) {

	static RunRecord of(RunSummary run, PasserelleProperties.Llm llm) {
		return new RunRecord(run.executionId(), run.date(), run.start(), run.end(), run.status(), run.inputDir(),
				run.outputDir(), run.read(), run.written(), run.unchanged(), run.failed(), run.gone(), run.skipped(),
				run.retries(), run.inputTokens(), run.outputTokens(),
				run.cost(llm.prices(), llm.batch().discount()).stream().boxed().findFirst().orElse(null),
				run.duration().toMillis() / 1000.0, run.deferred(), run.capReached(), run.batchInputTokens(),
				run.batchOutputTokens(), run.paragraphsFromMemory(), run.savedInputTokens(), run.savedOutputTokens());
	}

}
