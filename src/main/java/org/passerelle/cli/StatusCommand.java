package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.passerelle.article.InputFiles;
import org.passerelle.batch.RunSummary;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.batch.TranslationRuns;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle status}: the recent runs, from the job repository. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the most recent runs.")
class StatusCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String ROW = "%6s  %-10s  %-19s  %-19s  %-9s  %6s  %10s  %9s  %6s  %11s  %11s  %9s  %s%n";

	@Spec
	private CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many runs to show (default: ${DEFAULT-VALUE}).")
	private int limit;

	@Override
	public Integer call() {
		if (limit < 1) {
			throw new CommandFailure(ExitCodes.USAGE, "--limit must be at least 1");
		}
		try (ConfigurableApplicationContext context = PasserelleContext.start()) {
			List<RunSummary> runs = context.getBean(TranslationRuns.class).recent(limit);
			PrintWriter out = spec.commandLine().getOut();
			if (runs.isEmpty()) {
				out.println("No runs yet. Start one with: java -jar target/passerelle.jar run");
				return ExitCodes.OK;
			}
			PasserelleProperties.Prices prices = context.getBean(PasserelleProperties.class).llm().prices();
			out.printf(ROW, "ID", "DATE", "START", "END", "STATUS", "READ", "TRANSLATED", "UNCHANGED", "FAILED",
					"TOKENS IN", "TOKENS OUT", "COST", "NOT ARTICLES");
			for (RunSummary run : runs) {
				String cost = run.cost(prices, context.getBean(PasserelleProperties.class).llm().batch().discount())
					.stream()
					.mapToObj(value -> String.format("%.4f", value))
					.findFirst()
					.orElse("-");
				out.printf(ROW, run.executionId(), run.date(), time(run.start()), time(run.end()), run.status(), run.read(),
						run.written(), run.unchanged(), run.failed(), run.inputTokens(), run.outputTokens(), cost,
						InputFiles.describeSkipped(run.skipped()).orElse("-"));
			}
			if (!prices.known()) {
				out.println("(COST: set PASSERELLE_LLM_INPUT_PRICE_PER_MILLION and PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION)");
			}
			return ExitCodes.OK;
		}
	}

	private static String time(LocalDateTime time) {
		return time == null ? "-" : TIME.format(time);
	}

}
