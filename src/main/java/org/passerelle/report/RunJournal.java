package org.passerelle.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The articles one execution handled, one JSON line each, in a file of the work directory. Entries
 * wait in memory until their chunk has committed, then go to the file together, so the journal says
 * exactly what the ledger says: a chunk that rolls back leaves nothing, and is tried again. Only a
 * chunk's entries are ever in memory.
 */
public final class RunJournal {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger log = LoggerFactory.getLogger(RunJournal.class);

	private final Path file;

	private final List<JournalEntry> pending = new ArrayList<>();

	public RunJournal(Path file) {
		this.file = file;
	}

	/** Where the journal of this execution goes, under the work directory. */
	public static Path fileFor(Path workDir, long executionId) {
		return workDir.resolve("journal").resolve("run-" + executionId + ".jsonl");
	}

	/**
	 * Where a worker of a distributed run keeps the journal of one partition: under the report folder of
	 * the output directory, which every host of the run sees at the same path (its work directory is its
	 * own), for the manager to gather into the run's journal at the end.
	 */
	public static Path partitionFileFor(Path outputDir, long executionId, long partitionExecutionId) {
		return partitionsFolder(outputDir, executionId).resolve("partition-" + partitionExecutionId + ".jsonl");
	}

	private static Path partitionsFolder(Path outputDir, long executionId) {
		return outputDir.resolve(RunReportWriter.FOLDER).resolve(".journal").resolve("run-" + executionId);
	}

	/**
	 * Appends the journals the workers kept of this execution's partitions to the run's journal, in the
	 * partitions' order, and removes them; nothing to do for a run in one process.
	 */
	public static void gatherPartitions(Path outputDir, long executionId, Path into) throws IOException {
		Path folder = partitionsFolder(outputDir, executionId);
		if (!Files.isDirectory(folder)) {
			return;
		}
		List<Path> partitions;
		try (var files = Files.list(folder)) {
			partitions = files.sorted().toList();
		}
		Files.createDirectories(into.getParent());
		try (OutputStream out = Files.newOutputStream(into, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			for (Path partition : partitions) {
				Files.copy(partition, out);
			}
		}
		remove(folder, partitions);
	}

	/**
	 * Removes the journals the workers kept of an execution that ended without gathering them: its manager
	 * died. Like a dead run's own journal, they go into no report; its restart reports what the restart does.
	 */
	public static void forgetPartitions(Path outputDir, long executionId) throws IOException {
		Path folder = partitionsFolder(outputDir, executionId);
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (var files = Files.list(folder)) {
			remove(folder, files.toList());
		}
	}

	private static void remove(Path folder, List<Path> partitions) throws IOException {
		for (Path partition : partitions) {
			Files.delete(partition);
		}
		Files.deleteIfExists(folder);
		try (var left = Files.list(folder.getParent())) {
			if (left.findAny().isEmpty()) {
				Files.delete(folder.getParent());
			}
		}
	}

	public Path file() {
		return file;
	}

	public synchronized void add(JournalEntry entry) {
		pending.add(entry);
	}

	/** The chunk committed: its entries go to the file. */
	public synchronized void commit() {
		if (pending.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
				for (JournalEntry entry : pending) {
					out.write(JSON.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8));
					out.write('\n');
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the chunk is committed and the ledger has it all: only this run's report will lack these articles
			log.warn("cannot add {} article(s) to the run's journal {}: {}", pending.size(), file, ex.getMessage());
		}
		finally {
			pending.clear();
		}
	}

	/** The chunk rolled back: its articles will be handled again. */
	public synchronized void discard() {
		pending.clear();
	}

	static JournalEntry parse(byte[] line) {
		return JSON.readValue(line, JournalEntry.class);
	}

}
