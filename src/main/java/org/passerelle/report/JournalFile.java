package org.passerelle.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run's journal one line at a time, knowing where each line starts, and reads a line again by
 * its position: the report sorts articles by group with an index of positions, not with the articles.
 */
final class JournalFile implements AutoCloseable {

	private final Path file;

	private RandomAccessFile random;

	JournalFile(Path file) {
		this.file = file;
	}

	/** What a pass over the file is given: each entry and where its line starts. */
	@FunctionalInterface
	interface Visitor {

		void visit(JournalEntry entry, long position) throws IOException;

	}

	void forEach(Visitor visitor) throws IOException {
		if (!Files.isRegularFile(file)) {
			return;
		}
		try (InputStream in = Files.newInputStream(file)) {
			// read in blocks and cut at each newline: a night's journal is tens of megabytes
			byte[] buffer = new byte[1 << 16];
			ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
			long offset = 0;
			long start = 0;
			int read;
			while ((read = in.read(buffer)) > 0) {
				int from = 0;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						line.write(buffer, from, i - from);
						visitLine(visitor, line, start);
						line.reset();
						from = i + 1;
						start = offset + from;
					}
				}
				line.write(buffer, from, read - from);
				offset += read;
			}
			visitLine(visitor, line, start);
		}
	}

	private static void visitLine(Visitor visitor, ByteArrayOutputStream line, long start) throws IOException {
		if (line.size() > 0) {
			visitor.visit(RunJournal.parse(line.toByteArray()), start);
		}
	}

	JournalEntry read(long position) throws IOException {
		if (random == null) {
			random = new RandomAccessFile(file.toFile(), "r");
		}
		random.seek(position);
		ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
		byte[] buffer = new byte[8192];
		int read;
		outer:
		while ((read = random.read(buffer)) > 0) {
			for (int i = 0; i < read; i++) {
				if (buffer[i] == '\n') {
					line.write(buffer, 0, i);
					break outer;
				}
			}
			line.write(buffer, 0, read);
		}
		return RunJournal.parse(line.toByteArray());
	}

	@Override
	public void close() throws IOException {
		if (random != null) {
			random.close();
		}
	}

}
