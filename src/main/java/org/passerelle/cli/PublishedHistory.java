package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <work-dir>/history.json}: the recent runs, as a running process saw them in the database when
 * it started and after each of its runs. HSQLDB's file database belongs to one process, so this is what
 * {@code status} shows below a run in progress.
 */
record PublishedHistory(Instant publishedAt, List<RunRecord> runs) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Runs kept in the file: more than {@code status} shows by default. */
	static final int RUNS = 50;

	static Path file(Path workDir) {
		return workDir.resolve("history.json");
	}

	void writeTo(Path workDir) {
		try {
			org.passerelle.output.AtomicFiles.replace(file(workDir), JSON.writeValueAsString(this));
		}
		catch (IOException | RuntimeException ex) {
			// status will show the live run without its history
		}
	}

	static Optional<PublishedHistory> read(Path workDir) {
		try {
			return Files.isRegularFile(file(workDir)) ? Optional.of(JSON.readValue(file(workDir).toFile(), PublishedHistory.class))
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
