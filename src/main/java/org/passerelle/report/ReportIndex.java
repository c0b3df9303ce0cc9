package org.passerelle.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _reports/index.html}, every run whose report is in this output folder, newest first. Each
 * run's facts are kept, one JSON line each, in {@code _reports/runs.jsonl}, from which the index is
 * made again every time.
 */
final class ReportIndex {

	static final String RUNS = "runs.jsonl";

	private ReportIndex() {
	}

	static void add(Path reports, RunFacts facts) throws IOException {
		Files.createDirectories(reports);
		Files.writeString(reports.resolve(RUNS), RunJournal.JSON.writeValueAsString(facts) + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		PageFiles.render("report/index.jte", new ReportViews.IndexPage("Passerelle runs", runs(reports)),
				reports.resolve("index.html"));
	}

	/** The runs recorded, newest first; a run written twice counts once, as last written. */
	static List<RunFacts> runs(Path reports) throws IOException {
		Map<Long, RunFacts> runs = new LinkedHashMap<>();
		for (String line : Files.readAllLines(reports.resolve(RUNS), StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				try {
					RunFacts facts = RunJournal.JSON.readValue(line, RunFacts.class);
					runs.put(facts.executionId(), facts);
				}
				catch (RuntimeException ex) {
					// a line cut by a crash: the other runs are still listed
				}
			}
		}
		List<RunFacts> newestFirst = new ArrayList<>(runs.values());
		newestFirst.sort(Comparator.comparingLong(RunFacts::executionId).reversed());
		return newestFirst;
	}

}
