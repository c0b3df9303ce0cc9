package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.passerelle.ledger.FailureKinds;
import org.passerelle.ledger.LedgerEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle failures}: which articles failed, and why, from the ledger. */
@Command(name = "failures", mixinStandardHelpOptions = true,
		description = "Lists the articles whose last attempt failed, with the reason in plain words.")
class FailuresCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Spec
	private CommandSpec spec;

	@Option(names = "--execution", paramLabel = "ID", description = "Only the failures of this run.")
	private Long executionId;

	@Option(names = "--json", description = "Print the failures as JSON, for scripts (see the README for its fields).")
	private boolean json;

	/** What {@code failures --json} prints; the README documents it field by field. */
	record Failures(int count, List<Failure> failures) {
	}

	/** One failed article. */
	record Failure(String article, String inputFolder, String outputFolder, String kind, String reason, String error,
			int attempts, long executionId, java.time.LocalDateTime when, String rerun) {
	}

	@Override
	public Integer call() {
		try (HistoryReader history = HistoryReader.open()) {
			List<LedgerEntry> failures = history.ledger().failures(executionId);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				java.nio.file.Path workDir = history.properties().workDir();
				out.println(PublishedHistory.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Failures(failures.size(),
						failures.stream().map(failure -> new Failure(failure.articleId(), failure.inputDir(), failure.outputDir(),
								failure.failureKind(), FailureKinds.describe(failure.failureKind()), failure.errorMessage(),
								failure.attempts(), failure.jobExecutionId(), failure.updatedAt(),
								RunReports.rerunCommand(workDir, failure.inputDir(), failure.outputDir()))).toList())));
				return ExitCodes.OK;
			}
			if (failures.isEmpty()) {
				out.println(executionId == null ? "No failed articles." : "No failed articles in run " + executionId + ".");
				return ExitCodes.OK;
			}
			String row = "%-40s  %-34s  %8s  %5s  %-19s%n";
			out.printf(row, "FILE", "REASON", "ATTEMPTS", "RUN", "WHEN");
			String folder = null;
			for (LedgerEntry failure : failures.stream()
				.sorted(java.util.Comparator.comparing(LedgerEntry::inputDir)).toList()) {
				if (!failure.inputDir().equals(folder)) {
					folder = failure.inputDir();
					out.println("in " + (folder.isEmpty() ? "(folder not recorded)" : folder)
							+ (failure.outputDir() == null ? "" : ", outputs to " + failure.outputDir()) + ":");
				}
				out.printf(row, failure.articleId(), FailureKinds.describe(failure.failureKind()), failure.attempts(),
						failure.jobExecutionId(), failure.updatedAt() == null ? "-" : TIME.format(failure.updatedAt()));
				out.println("    last error: " + failure.errorMessage());
			}
			out.println();
			out.println(failures.size() + " failed. Once the cause is fixed: java -jar target/passerelle.jar retry-failed");
			return ExitCodes.OK;
		}
	}

}
