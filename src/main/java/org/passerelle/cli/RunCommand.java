package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunRequest;
import org.passerelle.config.PasserelleProperties;
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
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				(runs, properties) -> Optional.of(runs.run(new RunRequest(inputDirectory(properties),
						outputDirectory(properties), date == null ? LocalDate.now() : date, force))));
	}

	private Path inputDirectory(PasserelleProperties properties) {
		return existingDirectory(input != null ? input : properties.inputDir());
	}

	private Path outputDirectory(PasserelleProperties properties) {
		return creatableDirectory(output != null ? output : properties.outputDir());
	}

	static Path existingDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new CommandFailure(ExitCodes.USAGE, "the input directory " + directory.toAbsolutePath()
					+ " does not exist (set --input or PASSERELLE_INPUT_DIR)");
		}
		return directory;
	}

	static Path creatableDirectory(Path directory) {
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
