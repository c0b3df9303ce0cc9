package org.passerelle.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a running execution publishes about itself, in {@code <work-dir>/progress.json} and in
 * {@code status}. The README documents it field by field.
 *
 * @param pid the process running it
 * @param status RUNNING, or STARTING before its execution exists
 * @param total articles to handle in all, null while they are being counted
 * @param done articles handled so far: translated, unchanged or failed
 * @param ratePerMinute articles handled per minute, over the last minute or so
 * @param secondsLeft how long the rest should take at that rate, null when unknown
 * @param cost what the tokens so far cost at the configured prices, null when no price is set
 */
public record ProgressSnapshot(long pid, Long executionId, String status, Instant startedAt, Instant updatedAt,
		String inputDir, String outputDir, Long total, long done, long translated, long unchanged, long failed,
		double ratePerMinute, Long secondsLeft, long inputTokens, long outputTokens, Double cost) {

	/** The progress line: {@code 120/5,000 done, 2 failed, 35.2/min, about 2 h 18 min left, 40,211 + 9,120 tokens, cost 0.0123}. */
	@JsonIgnore
	public String line() {
		StringBuilder line = new StringBuilder();
		line.append(String.format(Locale.ROOT, "%,d", done)).append(total == null ? "" : String.format(Locale.ROOT, "/%,d", total))
			.append(" done (").append(String.format(Locale.ROOT, "%,d translated, %,d unchanged", translated, unchanged))
			.append("), ").append(String.format(Locale.ROOT, "%,d failed", failed))
			.append(", ").append(String.format(Locale.ROOT, "%.1f/min", ratePerMinute))
			.append(secondsLeft == null ? "" : ", about " + left(Duration.ofSeconds(secondsLeft)) + " left")
			.append(String.format(Locale.ROOT, ", %,d + %,d tokens", inputTokens, outputTokens))
			.append(cost == null ? "" : String.format(Locale.ROOT, ", cost %.4f", cost));
		return line.toString();
	}

	static String left(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return seconds / 60 + " min";
		}
		return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
	}

}
