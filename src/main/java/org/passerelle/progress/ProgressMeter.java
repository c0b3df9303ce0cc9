package org.passerelle.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the counts into a snapshot with a rate and the time left. The rate is taken over about the
 * last minute, so a folder that starts with thousands of unchanged articles does not promise the
 * rest at their speed.
 */
public final class ProgressMeter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final long pid;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private long executionId = -1;

	public ProgressMeter(long pid) {
		this.pid = pid;
	}

	public synchronized ProgressSnapshot snapshot(RunProgress.Counts counts, long inputTokens, long outputTokens,
			Double cost, Instant now) {
		if (counts.executionId() != executionId) {
			samples.clear();
			executionId = counts.executionId();
		}
		samples.addLast(new Sample(now, counts.done()));
		while (samples.size() > 2 && Duration.between(samples.peekFirst().at(), now).compareTo(WINDOW) > 0) {
			samples.removeFirst();
		}
		double rate = rate(counts, now);
		Long left = counts.total() == null || rate <= 0 ? null
				: Math.round(Math.max(0, counts.total() - counts.done()) * 60.0 / rate);
		return new ProgressSnapshot(pid, counts.executionId(), "RUNNING", counts.startedAt(), now, counts.inputDir(),
				counts.outputDir(), counts.total(), counts.done(), counts.translated(), counts.unchanged(), counts.failed(),
				Math.round(rate * 10) / 10.0, left, inputTokens, outputTokens, cost);
	}

	/** Per minute: over the window once it spans a few seconds, else since the start. */
	private double rate(RunProgress.Counts counts, Instant now) {
		Sample oldest = samples.peekFirst();
		Duration spanned = Duration.between(oldest.at(), now);
		if (spanned.toSeconds() >= 5 && counts.startedAt() != null
				&& Duration.between(counts.startedAt(), now).compareTo(WINDOW) > 0) {
			return (counts.done() - oldest.done()) * 60_000.0 / spanned.toMillis();
		}
		if (counts.startedAt() == null) {
			return 0;
		}
		long millis = Duration.between(counts.startedAt(), now).toMillis();
		return millis <= 0 ? 0 : counts.done() * 60_000.0 / millis;
	}

	private record Sample(Instant at, long done) {
	}

}
