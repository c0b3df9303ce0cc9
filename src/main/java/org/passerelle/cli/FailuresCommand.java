package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle failures}: which articles failed, and why, from the ledger. */
@Command(name = "failures", mixinStandardHelpOptions = true,
		description = "Lists the articles whose last attempt failed, with the reason in plain words.")
class FailuresCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Map<String, String> KINDS = Map.of("BAD_INPUT", "the file cannot be translated",
			"PROVIDER_UNAVAILABLE", "the provider did not answer", "BAD_ANSWER", "the model's answer was unusable",
			"REJECTED", "the provider refused the request", "TOO_LONG", "too long for the model, even in parts",
			"CUT_OFF", "the model's answer was cut off", "NAME_CLASH", "another file writes the same outputs",
			"UNEXPECTED", "unexpected error");


	@Spec
	private CommandSpec spec;

	@Option(names = "--execution", paramLabel = "ID", description = "Only the failures of this run.")
	private Long executionId;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = PasserelleContext.start()) {
			List<LedgerEntry> failures = context.getBean(ArticleLedger.class).failures(executionId);
			PrintWriter out = spec.commandLine().getOut();
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
				out.printf(row, failure.articleId(), KINDS.getOrDefault(failure.failureKind(), "failed"), failure.attempts(),
						failure.jobExecutionId(), failure.updatedAt() == null ? "-" : TIME.format(failure.updatedAt()));
				out.println("    last error: " + failure.errorMessage());
			}
			out.println();
			out.println(failures.size() + " failed. Once the cause is fixed: java -jar target/passerelle.jar retry-failed");
			return ExitCodes.OK;
		}
	}

}
