package org.passerelle.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What a report says about its run as a whole.
 *
 * @param command the command that started it: {@code run}, {@code restart} or {@code retry-failed}
 * @param skipped files that were not articles, by kind
 * @param skippedText the same in words ("3 files skipped (not articles): 1 .pdf..."), or null
 * @param cost what the tokens cost at the configured prices, or null when no price is set
 * @param rerunCommand the exact command that sends this run's failed articles again
 * @param deferred articles left for later because the run reached its spending cap
 * @param capReached the spending cap it stopped at, in words, or null
 * @param memoryText what the translation memory gave, in words, or null when it gave nothing
 */
public record RunFacts(long executionId, LocalDate date, LocalDateTime start, LocalDateTime end, String status,
		String command, String inputDir, String outputDir, String provider, String model, String promptVersion,
		long read, long translated, long unchanged, long failed, long gone, Map<String, Integer> skipped,
		String skippedText, long retries, long inputTokens, long outputTokens, Double cost, String rerunCommand,
		long deferred, String capReached, String memoryText) {

	public RunFacts(long executionId, LocalDate date, LocalDateTime start, LocalDateTime end, String status,
			String command, String inputDir, String outputDir, String provider, String model, String promptVersion,
			long read, long translated, long unchanged, long failed, long gone, Map<String, Integer> skipped,
			String skippedText, long retries, long inputTokens, long outputTokens, Double cost, String rerunCommand,
			long deferred, String capReached) {
		this(executionId, date, start, end, status, command, inputDir, outputDir, provider, model, promptVersion, read,
				translated, unchanged, failed, gone, skipped, skippedText, retries, inputTokens, outputTokens, cost,
				rerunCommand, deferred, capReached, null);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public RunFacts {
		skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
	}

	/** The report's file name without extension: {@code 2026-11-24-run-42}. */
	public String name() {
		return date + "-run-" + executionId;
	}

	public String dayText() {
		return DAY.format(date);
	}

	public String startText() {
		return start == null ? "-" : TIME.format(start);
	}

	public String endText() {
		return end == null ? "-" : TIME.format(end);
	}

	public String durationText() {
		if (start == null) {
			return "-";
		}
		return duration(Duration.between(start, end == null ? LocalDateTime.now() : end));
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
	}

	public long skippedCount() {
		return skipped.values().stream().mapToLong(Integer::longValue).sum();
	}

	public String costText() {
		return cost == null ? "not priced" : String.format(Locale.ROOT, "%.4f", cost);
	}

	public String tokensText() {
		return String.format(Locale.ROOT, "%,d in + %,d out", inputTokens, outputTokens);
	}

	/** "12.7k": the whole count, short enough for a tile. */
	public String totalTokensText() {
		long total = inputTokens + outputTokens;
		if (total < 10_000) {
			return String.format(Locale.ROOT, "%,d", total);
		}
		return total < 10_000_000 ? String.format(Locale.ROOT, "%.1fk", total / 1000.0)
				: String.format(Locale.ROOT, "%.1fM", total / 1_000_000.0);
	}

	/** completed, failing (completed with failed articles), failed or stopped: the colour of the badge. */
	public String tone() {
		return switch (status) {
			case "COMPLETED" -> failed > 0 ? "warn" : "ok";
			case "STOPPED" -> capReached != null ? "warn" : "bad";
			case "STARTED", "STARTING" -> "info";
			default -> "bad";
		};
	}

	public String statusText() {
		return "COMPLETED".equals(status) && failed > 0 ? "COMPLETED, " + failed + " FAILED" : status;
	}

}
