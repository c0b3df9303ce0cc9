package org.passerelle.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunRequest;
import org.passerelle.batch.RunSummary;
import org.passerelle.batch.TranslationRuns;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.ProviderCheck;
import org.passerelle.llm.ProviderSetupException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
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

	@Option(names = "--input", paramLabel = "DIR", description = "Articles to translate (default: PASSERELLE_INPUT_DIR or input/).")
	private Path input;

	@Option(names = "--output", paramLabel = "DIR", description = "Where outputs go (default: PASSERELLE_OUTPUT_DIR or output/).")
	private Path output;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Label of this run (default: today).")
	private LocalDate date;

	@Option(names = "--force", description = "Translate every article again, even those already done.")
	private boolean force;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = PasserelleContext.start()) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			RunRequest request = new RunRequest(inputDirectory(properties), outputDirectory(properties),
					date == null ? LocalDate.now() : date, force);
			try {
				ProviderCheck.verify(properties.llm(), warning -> err.println("passerelle: warning: " + warning));
			}
			catch (ProviderSetupException ex) {
				throw new CommandFailure(ExitCodes.USAGE, ex.getMessage());
			}
			RunSummary summary = context.getBean(TranslationRuns.class).run(request);
			out.printf("Run %d (%s): %s. %d read, %d translated, %d unchanged, %d failed; %d tokens.%n",
					summary.executionId(), summary.date(), summary.status(), summary.read(), summary.written(),
					summary.unchanged(), summary.failed(), summary.totalTokens());
			return exitCode(summary, err);
		}
	}

	private static int exitCode(RunSummary summary, PrintWriter err) {
		if ("COMPLETED".equals(summary.status())) {
			if (summary.failed() > 0) {
				err.println("passerelle: " + summary.failed() + " article(s) failed; their reasons are in the ledger.");
				return ExitCodes.SOME_ARTICLES_FAILED;
			}
			return ExitCodes.OK;
		}
		for (Throwable error : summary.errors()) {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				if (cause instanceof ProviderSetupException setup) {
					err.println("passerelle: " + setup.getMessage());
					return ExitCodes.USAGE;
				}
			}
		}
		summary.errors().forEach(error -> err.println("passerelle: the job failed: " + PasserelleContext.rootCause(error)));
		return ExitCodes.JOB_FAILED;
	}

	private Path inputDirectory(PasserelleProperties properties) {
		Path directory = input != null ? input : properties.inputDir();
		if (!Files.isDirectory(directory)) {
			throw new CommandFailure(ExitCodes.USAGE, "the input directory " + directory.toAbsolutePath()
					+ " does not exist (set --input or PASSERELLE_INPUT_DIR)");
		}
		return directory;
	}

	private Path outputDirectory(PasserelleProperties properties) {
		Path directory = output != null ? output : properties.outputDir();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new CommandFailure(ExitCodes.USAGE, "cannot create the output directory "
					+ directory.toAbsolutePath() + ": " + ex.getMessage());
		}
		return directory;
	}

}
