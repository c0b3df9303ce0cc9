package org.passerelle.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.passerelle.output.AtomicFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <work-dir>/progress.json}: rewritten whole (a temporary file, then a rename) every time the
 * running process publishes, so a reader sees one snapshot or the next, never half of one.
 */
public final class ProgressFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProgressFile() {
	}

	public static Path of(Path workDir) {
		return workDir.resolve("progress.json");
	}

	public static void write(Path workDir, ProgressSnapshot snapshot) throws IOException {
		// no fsync: a power cut costs a snapshot the next one replaces
		AtomicFiles.replace(of(workDir), JSON.writeValueAsString(snapshot));
	}

	public static Optional<ProgressSnapshot> read(Path workDir) {
		Path file = of(workDir);
		try {
			return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), ProgressSnapshot.class))
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
