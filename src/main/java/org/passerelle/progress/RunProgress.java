package org.passerelle.progress;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of the execution running in this process, updated by the job as each article is done
 * (on the worker threads) and read by whoever shows them. One run at a time: a new one starts again
 * from zero.
 */
public final class RunProgress {

	private volatile long executionId;

	private volatile Instant startedAt;

	private volatile String inputDir;

	private volatile String outputDir;

	/** -1 while the articles to do are still being counted. */
	private final AtomicLong total = new AtomicLong(-1);

	private final AtomicLong translated = new AtomicLong();

	private final AtomicLong unchanged = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	public void started(long executionId, Instant startedAt, String inputDir, String outputDir) {
		total.set(-1);
		translated.set(0);
		unchanged.set(0);
		failed.set(0);
		this.inputDir = inputDir;
		this.outputDir = outputDir;
		this.startedAt = startedAt;
		this.executionId = executionId;
	}

	public void total(long articles) {
		total.set(articles);
	}

	public void translated() {
		translated.incrementAndGet();
	}

	/** Left alone: already translated, or its file was gone. */
	public void unchanged() {
		unchanged.incrementAndGet();
	}

	public void failed() {
		failed.incrementAndGet();
	}

	/** True once a run has started in this process. */
	public boolean hasStarted() {
		return startedAt != null;
	}

	/** The counts now; tokens and what they cost are the caller's to add. */
	public Counts counts() {
		return new Counts(executionId, startedAt, inputDir, outputDir, total.get() < 0 ? null : total.get(),
				translated.get(), unchanged.get(), failed.get());
	}

	/** A moment's counts. {@code total} is null while it is being counted. */
	public record Counts(long executionId, Instant startedAt, String inputDir, String outputDir, Long total,
			long translated, long unchanged, long failed) {

		public long done() {
			return translated + unchanged + failed;
		}

	}

}
