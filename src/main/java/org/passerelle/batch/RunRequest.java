package org.passerelle.batch;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the user asked a run to do.
 *
 * @param inputDir where the articles are
 * @param outputDir where the paired outputs go
 * @param date the label of the run (by default, today)
 * @param force translate every article again, even those already done
 * @param onlyFailed only the articles whose last attempt failed
 * @param batch send the articles through the provider's batch API (half price, answers within a day)
 * @param partitions how many parts the articles are split into for workers to share; 1 runs them here
 * @param sharedConcurrency with partitions, the calls all the run's workers together may have in flight
 */
public record RunRequest(Path inputDir, Path outputDir, LocalDate date, boolean force, boolean onlyFailed,
		boolean batch, int partitions, int sharedConcurrency) {

	public RunRequest(Path inputDir, Path outputDir, LocalDate date, boolean force, boolean onlyFailed,
			boolean batch) {
		this(inputDir, outputDir, date, force, onlyFailed, batch, 1, 0);
	}

	public RunRequest(Path inputDir, Path outputDir, LocalDate date, boolean force) {
		this(inputDir, outputDir, date, force, false, false);
	}

	public RunRequest(Path inputDir, Path outputDir, LocalDate date, boolean force, boolean onlyFailed) {
		this(inputDir, outputDir, date, force, onlyFailed, false);
	}

}
