package org.passerelle.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asks us to wait: {@code retry-after-ms}, {@code retry-after} (seconds or
 * an HTTP date), or OpenAI's {@code x-ratelimit-reset-requests|tokens} durations such as {@code 12ms}
 * or {@code 6m0s}; the longest of them wins.
 */
final class RetryAfter {

	private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

	private RetryAfter() {
	}

	static Optional<Duration> from(Function<String, List<String>> headers) {
		Duration longest = null;
		for (String name : List.of("retry-after-ms", "retry-after", "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens")) {
			List<String> values = headers.apply(name);
			if (values == null || values.isEmpty()) {
				continue;
			}
			Optional<Duration> parsed = name.equals("retry-after-ms") ? millis(values.get(0)) : parse(values.get(0));
			if (parsed.isPresent() && (longest == null || parsed.get().compareTo(longest) > 0)) {
				longest = parsed.get();
			}
		}
		return Optional.ofNullable(longest);
	}

	static Optional<Duration> parse(String value) {
		String text = value.strip();
		if (text.matches("\\d+(\\.\\d+)?")) {
			return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)));
		}
		Matcher parts = GO_DURATION_PART.matcher(text);
		long millis = 0;
		int end = 0;
		while (parts.find() && parts.start() == end) {
			double amount = Double.parseDouble(parts.group(1));
			millis += Math.round(amount * switch (parts.group(2)) {
				case "ms" -> 1;
				case "s" -> 1_000;
				case "m" -> 60_000;
				default -> 3_600_000;
			});
			end = parts.end();
		}
		if (end > 0 && end == text.length()) {
			return Optional.of(Duration.ofMillis(millis));
		}
		try {
			Duration untilDate = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
			return Optional.of(untilDate.isNegative() ? Duration.ZERO : untilDate);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> millis(String value) {
		try {
			return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
