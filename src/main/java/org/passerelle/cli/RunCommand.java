package org.passerelle.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import java.io.PrintWriter;

import org.passerelle.article.InputFiles;
import org.passerelle.batch.RunEstimate;
import org.passerelle.batch.RunRequest;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.distributed.DistributedRuns;
import org.passerelle.llm.SpendingCap;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle run}: translate what is new or changed in the input directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Translates every article in the input directory that has no translation yet for its "
				+ "current content, provider, model and prompt; leaves the others alone.")
class RunCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ReportOption report;

	@Mixin
	private FolderOptions folders;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Label of this run (default: today).")
	private LocalDate date;

	@Option(names = "--force", description = "Translate every article again, even those already done.")
	private boolean force;

	@Option(names = "--batch", negatable = true, description = "Send the articles through the provider's batch API "
			+ "(openai, anthropic): half the price, answers within 24 hours; the run waits for them "
			+ "(default: PASSERELLE_LLM_BATCH).")
	private Boolean batch;

	@Option(names = "--partitions", paramLabel = "N", description = "Split the articles into N partitions for "
			+ "'worker' processes (on any host) to share; this process hands them out and waits (default: "
			+ "PASSERELLE_PARTITIONS, 1: translate here). Needs the history on PostgreSQL.")
	private Integer partitions;

	@Option(names = "--dry-run", description = "Read, clean and cut every pending article and show what the run would "
			+ "send and cost; send nothing, write nothing.")
	private boolean dryRun;

	@Override
	public Integer call() throws Exception {
		if (dryRun) {
			return dryRun();
		}
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				new JobLaunch.Reporting("run", report), this::checkSettings,
				(runs, properties) -> List.of(runs.run(new RunRequest(folders.inputDirectory(properties),
						folders.outputDirectory(properties), date == null ? LocalDate.now() : date, force, false,
						batchMode(properties), partitions(properties), properties.llm().concurrency()))));
	}

	private void checkSettings(PasserelleProperties properties) {
		boolean batchMode = batchMode(properties);
		if (partitions(properties) > 1) {
			if (!DistributedRuns.possible(properties)) {
				throw new CommandFailure(ExitCodes.USAGE, "--partitions above 1 (or PASSERELLE_PARTITIONS) needs "
						+ DistributedRuns.NEEDS_SERVER);
			}
			if (batchMode) {
				throw new CommandFailure(ExitCodes.USAGE, "a run through the provider's batch API is not split into "
						+ "partitions: drop --batch or --partitions");
			}
		}
	}

	/** Partitions asked on the command line, else as configured; at least 1. */
	private int partitions(PasserelleProperties properties) {
		int asked = partitions != null ? partitions : properties.distributed().partitions();
		if (asked < 1) {
			throw new CommandFailure(ExitCodes.USAGE, "--partitions must be 1 or more, not " + asked);
		}
		return asked;
	}

	/** Batch mode if asked for on the command line, else as configured; only where the provider has a batch API. */
	private boolean batchMode(PasserelleProperties properties) {
		boolean asked = batch != null ? batch : properties.llm().batch().enabled();
		if (asked && properties.llm().providerKind() == PasserelleProperties.LlmProvider.OLLAMA) {
			throw new CommandFailure(ExitCodes.USAGE, "batch mode needs a provider with a batch API "
					+ "(PASSERELLE_LLM_PROVIDER=openai or anthropic); Ollama answers live only: drop --batch or "
					+ "PASSERELLE_LLM_BATCH");
		}
		return asked;
	}

	private int dryRun() {
		try (ConfigurableApplicationContext context = PasserelleContext.startReadOnly()) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			RunEstimate.Estimate estimate = context.getBean(RunEstimate.class)
				.estimate(folders.inputDirectory(properties), folders.plannedOutputDirectory(properties), force);
			PrintWriter out = spec.commandLine().getOut();
			out.println("Dry run: nothing was sent and nothing was written.");
			long distinct = estimate.pending() - estimate.duplicates();
			out.printf("%s to translate (%,d identical to another, translated once), %,d unchanged, %,d unusable.%n",
					count(estimate.pending(), "article"), estimate.duplicates(), estimate.unchanged(), estimate.unusable());
			if (estimate.longArticles() == 0) {
				out.printf("%s, one per article.%n", count(estimate.parts(), "request"));
			}
			else {
				out.printf("%s: %s too long for one request %s in %,d parts, plus a summary request each.%n",
						count(estimate.parts() + estimate.longArticles(), "request"), count(estimate.longArticles(), "article"),
						estimate.longArticles() == 1 ? "goes" : "go", estimate.parts() - (distinct - estimate.longArticles()));
			}
			if (estimate.paragraphsFromMemory() > 0) {
				out.printf("From the translation memory: %,d of %,d paragraphs, sparing about %,d input + %,d output tokens.%n",
						estimate.paragraphsFromMemory(), estimate.paragraphs(), estimate.savedInputTokens(),
						estimate.savedOutputTokens());
			}
			out.printf("Estimated tokens: %,d input + %,d output (counted on the high side for a %,d-token context).%n",
					estimate.inputTokens(), estimate.outputTokens(), properties.llm().contextTokens());
			PasserelleProperties.Prices prices = properties.llm().prices();
			double share = properties.llm().batch().discount();
			boolean inBatch = batchMode(properties);
			prices.cost(estimate.inputTokens(), estimate.outputTokens())
				.ifPresentOrElse(cost -> out.printf("Estimated cost: %.4f live%s (%s input, %s output per million tokens).%n", cost,
						inBatch ? String.format(", %.4f through the batch API (%.0f%% of the price)", cost * share, share * 100) : "",
						price(prices.inputPerMillion()), price(prices.outputPerMillion())),
						() -> out.println("No cost estimate: set PASSERELLE_LLM_INPUT_PRICE_PER_MILLION and "
								+ "PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION to your provider's prices."));
			SpendingCap cap = context.getBean(SpendingCap.class);
			cap.fits(estimate.inputTokens(), estimate.outputTokens(), inBatch ? share : 1.0)
				.ifPresent(fits -> out.println(fits ? "This fits under " + cap.describe() + "."
						: "This is over " + cap.describe() + ": the run will stop there, and 'restart' or the next run "
								+ "continues."));
			estimate.unusableReasons().forEach(reason -> out.println("  unusable: " + reason));
			InputFiles.describeSkipped(estimate.skipped()).ifPresent(skipped -> out.println(skipped + "."));
			return ExitCodes.OK;
		}
	}

	private static String count(long count, String noun) {
		return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
	}

	private static String price(Double price) {
		return price == null ? "0" : String.valueOf(price);
	}

}
