package org.passerelle.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * When a run without a terminal (cron) logs its progress: every {@code everyArticles} articles, or
 * once a minute, whichever comes first; never more.
 */
public final class ProgressCadence {

	public static final Duration EVERY = Duration.ofMinutes(1);

	private final long everyArticles;

	private long lastDone;

	private Instant lastAt;

	public ProgressCadence(long everyArticles, Instant start) {
		this.everyArticles = everyArticles;
		this.lastAt = start;
	}

	public synchronized boolean due(long done, Instant now) {
		if (done < lastDone) {
			// a new run of the same command (retry-failed over several folders)
			lastDone = 0;
		}
		if (done - lastDone >= everyArticles || Duration.between(lastAt, now).compareTo(EVERY) >= 0) {
			lastDone = done;
			lastAt = now;
			return true;
		}
		return false;
	}

}
