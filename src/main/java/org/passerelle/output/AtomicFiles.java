package org.passerelle.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file so that readers see the old content or the whole new one, never half of it. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/** What writes a file's content, streamed: a report page need not be built in memory first. */
	@FunctionalInterface
	public interface Content {

		void writeTo(Writer writer) throws IOException;

	}

	/** Writes and forces the content to disk before the rename: for outputs a crash must not lose. */
	public static void write(Path target, String content) throws IOException {
		write(target, writer -> writer.write(content), true);
	}

	/**
	 * Writes the content whole, without forcing it to disk: for files rewritten often, whose next
	 * version replaces one a power cut would lose.
	 */
	public static void replace(Path target, String content) throws IOException {
		write(target, writer -> writer.write(content), false);
	}

	/**
	 * Streams the content into a temporary file beside the target, then renames it into place.
	 *
	 * @param durable force the content to disk before the rename, so a power cut cannot leave an empty file
	 * under the final name
	 */
	public static void write(Path target, Content content, boolean durable) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
					Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
				content.writeTo(writer);
				writer.flush();
				if (durable) {
					// the data and the size needed to read it back (fdatasync): the times need not be on disk
					channel.force(false);
				}
			}
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
