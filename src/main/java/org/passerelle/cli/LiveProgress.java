package org.passerelle.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.ProviderResponses;
import org.passerelle.progress.ProgressCadence;
import org.passerelle.progress.ProgressFile;
import org.passerelle.progress.ProgressMeter;
import org.passerelle.progress.ProgressSnapshot;
import org.passerelle.progress.RunProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows and publishes the run in progress, once a second: on a terminal, one line rewritten in place;
 * without one (cron), a log line every {@value #LOG_EVERY_ARTICLES} articles or every minute; and
 * always {@code <work-dir>/progress.json}, which {@code status} reads while this process holds the
 * work directory. The file is removed when the command ends.
 */
final class LiveProgress implements AutoCloseable {

	static final int LOG_EVERY_ARTICLES = 100;

	/** Set before Spring starts, so that every log line first clears the progress line (see application.yml). */
	static final String LINE_START_PROPERTY = "passerelle.console-line-start";

	private static final String CLEAR_LINE = "\r\033[K";

	private static final Logger log = LoggerFactory.getLogger(LiveProgress.class);

	private final RunProgress progress;

	private final PasserelleProperties properties;

	private final PrintWriter terminal;

	private final Clock clock;

	private final ProgressMeter meter = new ProgressMeter(ProcessHandle.current().pid());

	private final ProgressCadence cadence;

	private final long[] tokensAtStart = ProviderResponses.billedTokens();

	private final ScheduledExecutorService ticker;

	private boolean shown;

	/**
	 * @param terminal where the progress line goes on a terminal, or null to log it instead
	 */
	LiveProgress(RunProgress progress, PasserelleProperties properties, PrintWriter terminal, Clock clock) {
		this.progress = progress;
		this.properties = properties;
		this.terminal = terminal;
		this.clock = clock;
		this.cadence = new ProgressCadence(LOG_EVERY_ARTICLES, clock.instant());
		this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "passerelle-progress");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** True when a person is watching: the standard streams are a terminal, not cron's pipe or a file. */
	static boolean onTerminal() {
		return System.console() != null;
	}

	LiveProgress start() {
		publish(starting());
		ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
		return this;
	}

	/** Before the execution exists (the provider is being checked), status still sees a run. */
	private ProgressSnapshot starting() {
		Instant now = clock.instant();
		return new ProgressSnapshot(ProcessHandle.current().pid(), null, "STARTING", now, now, null, null, null, 0, 0, 0,
				0, 0, null, 0, 0, null);
	}

	private void tick() {
		try {
			if (!progress.hasStarted()) {
				return;
			}
			ProgressSnapshot snapshot = snapshot();
			publish(snapshot);
			if (terminal != null) {
				synchronized (terminal) {
					terminal.print(CLEAR_LINE + snapshot.line());
					terminal.flush();
					shown = true;
				}
			}
			else if (cadence.due(snapshot.done(), snapshot.updatedAt())) {
				log.info("progress: {}", snapshot.line());
			}
		}
		catch (RuntimeException ex) {
			// progress is for show: it never stops the run
		}
	}

	ProgressSnapshot snapshot() {
		long[] now = ProviderResponses.billedTokens();
		long input = now[0] - tokensAtStart[0];
		long output = now[1] - tokensAtStart[1];
		Double cost = properties.llm().prices().cost(input, output).stream().boxed().findFirst().orElse(null);
		return meter.snapshot(progress.counts(), input, output, cost, clock.instant());
	}

	private void publish(ProgressSnapshot snapshot) {
		try {
			ProgressFile.write(properties.workDir(), snapshot);
		}
		catch (IOException ex) {
			// status will say that it sees no progress
		}
	}

	@Override
	public void close() {
		ticker.shutdownNow();
		try {
			ticker.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (terminal != null && shown) {
			synchronized (terminal) {
				terminal.print(CLEAR_LINE);
				terminal.flush();
			}
		}
		try {
			Files.deleteIfExists(ProgressFile.of(properties.workDir()));
		}
		catch (IOException ex) {
			// a stale file is ignored: status checks the pid that wrote it
		}
	}

	static Path file(PasserelleProperties properties) {
		return ProgressFile.of(properties.workDir());
	}

}
