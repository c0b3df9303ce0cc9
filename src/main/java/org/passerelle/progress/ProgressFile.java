package org.passerelle.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

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
		replace(of(workDir), JSON.writeValueAsString(snapshot));
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

	/** Writes a small file whole; no fsync: a power cut costs a snapshot the next one replaces. */
	public static void replace(Path target, String content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
