package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.article.InputFiles;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.distributed.DistributedRuns;
import org.passerelle.distributed.DistributedStatus;
import org.passerelle.progress.ProgressFile;
import org.passerelle.progress.ProgressSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passerelle status}: the recent runs, from the job repository; while a run holds the work
 * directory, that run as RUNNING with its live figures, and the history it published.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Shows the most recent runs, and the run in progress if there is one.")
class StatusCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String ROW = "%6s  %-10s  %-19s  %-19s  %-9s  %6s  %10s  %9s  %6s  %11s  %11s  %9s  %s%n";

	@Spec
	private CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many runs to show (default: ${DEFAULT-VALUE}).")
	private int limit;

	@Option(names = "--json", description = "Print the runs as JSON, for scripts (see the README for its fields).")
	private boolean json;

	/** What {@code status --json} prints; the README documents it field by field. */
	record Status(ProgressSnapshot running, List<RunRecord> runs, String history, Instant historyPublishedAt,
			Partitions partitions) {

		Status(ProgressSnapshot running, List<RunRecord> runs, String history, Instant historyPublishedAt) {
			this(running, runs, history, historyPublishedAt, null);
		}

	}

	/** The newest distributed run's partitions, and the workers that stopped answering; null without a server. */
	record Partitions(Long executionId, List<DistributedStatus.Partition> partitions, List<String> silentWorkers) {
	}

	@Override
	public Integer call() {
		if (limit < 1) {
			throw new CommandFailure(ExitCodes.USAGE, "--limit must be at least 1");
		}
		HistoryReader started;
		try {
			started = HistoryReader.open();
		}
		catch (WorkDirectoryLocked busy) {
			return whileHeld(busy);
		}
		try (HistoryReader history = started) {
			PasserelleProperties.Llm llm = history.properties().llm();
			List<RunRecord> runs = history.runs()
				.recent(limit)
				.stream()
				.map(run -> RunRecord.of(run, llm))
				.toList();
			Partitions partitions = DistributedRuns.possible(history.properties())
					? partitions(history.distributed(), runs) : null;
			int shown = show(new Status(null, runs, "database", null, partitions), llm.prices().known());
			if (!json && partitions != null) {
				showPartitions(partitions);
			}
			return shown;
		}
	}

	/** The partitions of the newest distributed run listed, and the workers that stopped answering. */
	private static Partitions partitions(DistributedStatus distributed, List<RunRecord> runs) {
		for (RunRecord run : runs) {
			List<DistributedStatus.Partition> partitions = distributed.partitions(run.executionId());
			if (!partitions.isEmpty()) {
				return new Partitions(run.executionId(), partitions, distributed.silentWorkers());
			}
		}
		return new Partitions(null, List.of(), distributed.silentWorkers());
	}

	private void showPartitions(Partitions distributed) {
		PrintWriter out = spec.commandLine().getOut();
		if (distributed.executionId() != null) {
			out.println();
			out.printf("Partitions of run %d:%n", distributed.executionId());
			for (DistributedStatus.Partition partition : distributed.partitions()) {
				out.printf("  %-12s %-9s %6d / %-6d %s%n", partition.name(), partition.status(), partition.read(),
						partition.articles(), partition.worker() == null ? ""
								: (partition.answering() ? "held by " : "held by (not answering) ") + partition.worker());
			}
		}
		if (!distributed.silentWorkers().isEmpty()) {
			out.println();
			out.println("Workers not answering: " + String.join("; ", distributed.silentWorkers()) + ".");
		}
	}

	/**
	 * Another process holds the database. If it is a run, its progress file says how far it is, and the
	 * history it published stands in for the database's; otherwise, exit 3 as before.
	 */
	private int whileHeld(WorkDirectoryLocked busy) {
		Optional<ProgressSnapshot> running = ProgressFile.read(busy.workDir())
			.filter(snapshot -> busy.holder() != null && snapshot.pid() == busy.holder());
		if (running.isEmpty()) {
			throw busy;
		}
		Optional<PublishedHistory> history = PublishedHistory.read(busy.workDir());
		List<RunRecord> runs = history.map(PublishedHistory::runs).orElse(List.of());
		runs = runs.size() > limit ? runs.subList(0, limit) : runs;
		return show(new Status(running.get(), runs, history.isPresent() ? "published" : "unavailable",
				history.map(PublishedHistory::publishedAt).orElse(null)),
				running.get().cost() != null || runs.stream().anyMatch(run -> run.cost() != null));
	}

	private int show(Status status, boolean priced) {
		PrintWriter out = spec.commandLine().getOut();
		if (json) {
			out.println(PublishedHistory.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status));
			return ExitCodes.OK;
		}
		if (status.running() == null && status.runs().isEmpty()) {
			out.println("No runs yet. Start one with: java -jar target/passerelle.jar run");
			return ExitCodes.OK;
		}
		out.printf(ROW, "ID", "DATE", "START", "END", "STATUS", "READ", "TRANSLATED", "UNCHANGED", "FAILED",
				"TOKENS IN", "TOKENS OUT", "COST", "NOT ARTICLES");
		ProgressSnapshot running = status.running();
		if (running != null) {
			LocalDateTime start = running.startedAt() == null ? null : LocalDateTime.ofInstant(running.startedAt(), ZoneId.systemDefault());
			out.printf(ROW, running.executionId() == null ? "-" : running.executionId(), start == null ? "-" : start.toLocalDate(),
					time(start), "-", running.status(), running.done(), running.translated(), running.unchanged(),
					running.failed(), running.inputTokens(), running.outputTokens(), cost(running.cost()), "-");
		}
		for (RunRecord run : status.runs()) {
			if (running != null && running.executionId() != null && running.executionId() == run.executionId()) {
				continue;
			}
			out.printf(ROW, run.executionId(), run.date(), time(run.start()), time(run.end()), run.status(), run.read(),
					run.translated(), run.unchanged(), run.failed(), run.inputTokens(), run.outputTokens(), cost(run.cost()),
					InputFiles.describeSkipped(run.skipped()).orElse("-"));
		}
		status.runs().stream().filter(run -> run.paragraphsFromMemory() > 0).findFirst()
			.ifPresent(run -> out.printf("Run %d: %,d paragraphs from the translation memory, about %,d + %,d tokens spared.%n",
					run.executionId(), run.paragraphsFromMemory(), run.savedInputTokens(), run.savedOutputTokens()));
		if (running != null) {
			out.println();
			out.println("In progress" + (running.executionId() == null ? " (starting)" : ", run " + running.executionId())
					+ ": " + running.line() + ".");
			String published = status.historyPublishedAt() == null ? null
					: TIME.format(LocalDateTime.ofInstant(status.historyPublishedAt(), ZoneId.systemDefault()));
			out.println(published == null ? "The history is in the database, which the run holds: it shows once the run has ended."
					: status.runs().isEmpty() ? "No earlier run in the history the running process published at " + published + "."
							: "The runs below it are as the running process published them at " + published
									+ " (the database belongs to it until it ends).");
		}
		if (!priced) {
			out.println("(COST: set PASSERELLE_LLM_INPUT_PRICE_PER_MILLION and PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION)");
		}
		return ExitCodes.OK;
	}

	private static String cost(Double cost) {
		return cost == null ? "-" : String.format("%.4f", cost);
	}

	private static String time(LocalDateTime time) {
		return time == null ? "-" : TIME.format(time);
	}

}
