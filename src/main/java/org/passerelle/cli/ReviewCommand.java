package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunSummary;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.quality.QualityFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle review}: the translated articles whose quality flags a person should look at. */
@Command(name = "review", mixinStandardHelpOptions = true,
		description = "Lists the articles translated with quality flags (a paragraph much shorter than the French, "
				+ "French left in, a person or a number missing, a glossary term not used, a summary off), "
				+ "in the latest run or since a date. Flags never stop an article: it is written.")
class ReviewCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Spec
	private CommandSpec spec;

	@Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Articles translated on or after this day, "
			+ "in any run (default: those of the latest run).")
	private LocalDate since;

	@Option(names = "--execution", paramLabel = "ID", description = "The articles of this run.")
	private Long executionId;

	@Option(names = "--json", description = "Print the flagged articles as JSON, for scripts (see the README for its fields).")
	private boolean json;

	/** What {@code review --json} prints; the README documents it field by field. */
	record Review(String scope, int count, List<Flagged> articles) {
	}

	/** One flagged article. */
	record Flagged(String article, String inputFolder, String translation, long executionId,
			java.time.LocalDateTime when, int flagCount, List<QualityFlag> flags) {
	}

	@Override
	public Integer call() {
		if (since != null && executionId != null) {
			throw new CommandFailure(ExitCodes.USAGE, "give --since or --execution, not both");
		}
		try (HistoryReader history = HistoryReader.open()) {
			PrintWriter out = spec.commandLine().getOut();
			Long execution = executionId;
			if (since == null && execution == null) {
				List<RunSummary> latest = history.runs().recent(1);
				if (latest.isEmpty()) {
					out.println(json ? "{\"scope\":null,\"count\":0,\"articles\":[]}"
							: "No runs yet. Start one with: java -jar target/passerelle.jar run");
					return ExitCodes.OK;
				}
				execution = latest.get(0).executionId();
			}
			List<LedgerEntry> flagged = history.ledger()
				.flagged(execution, since == null ? null : since.atStartOfDay());
			String scope = since != null ? "since " + since : "in run " + execution;
			if (json) {
				out.println(PublishedHistory.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Review(scope,
						flagged.size(), flagged.stream().map(entry -> new Flagged(entry.articleId(), entry.inputDir(),
								entry.translationPath(), entry.jobExecutionId(), entry.updatedAt(), entry.flagCount(),
								ArticleLedger.flagsOf(entry))).toList())));
				return ExitCodes.OK;
			}
			if (flagged.isEmpty()) {
				out.println("No article translated " + scope + " has a quality flag.");
				return ExitCodes.OK;
			}
			String folder = null;
			for (LedgerEntry entry : flagged.stream().sorted(java.util.Comparator.comparing(LedgerEntry::inputDir)).toList()) {
				if (!entry.inputDir().equals(folder)) {
					folder = entry.inputDir();
					out.println("in " + folder + ":");
				}
				out.printf("%s  (run %d, %s) -> %s%n", entry.articleId(), entry.jobExecutionId(),
						entry.updatedAt() == null ? "-" : TIME.format(entry.updatedAt()), entry.translationPath());
				List<QualityFlag> flags = ArticleLedger.flagsOf(entry);
				flags.forEach(flag -> out.println("    " + flag.shown()));
				if (entry.flagCount() > flags.size()) {
					out.println("    ... and " + (entry.flagCount() - flags.size()) + " more in its meta.json");
				}
			}
			out.println();
			out.println(flagged.size() + (flagged.size() == 1 ? " article" : " articles") + " translated " + scope
					+ " to review. Flags are hints, not failures: each article was written.");
			return ExitCodes.OK;
		}
	}

}
