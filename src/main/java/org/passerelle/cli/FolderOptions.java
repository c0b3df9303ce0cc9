package org.passerelle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.passerelle.config.PasserelleProperties;
import picocli.CommandLine.Option;

/** {@code --input} and {@code --output}, shared by the commands that run the job over a folder. */
class FolderOptions {

	@Option(names = "--input", paramLabel = "DIR", description = "Articles to translate (default: PASSERELLE_INPUT_DIR or input/).")
	private Path input;

	@Option(names = "--output", paramLabel = "DIR", description = "Where outputs go (default: PASSERELLE_OUTPUT_DIR or output/).")
	private Path output;

	/** The input folder given on the command line, if any. */
	Path askedInput() {
		return input;
	}

	/** The output folder given on the command line, if any. */
	Path askedOutput() {
		return output;
	}

	/** The input folder asked for, or configured; it must exist. */
	Path inputDirectory(PasserelleProperties properties) {
		Path directory = input != null ? input : properties.inputDir();
		if (!Files.isDirectory(directory)) {
			throw new CommandFailure(ExitCodes.USAGE, "the input directory " + directory.toAbsolutePath()
					+ " does not exist (set --input or PASSERELLE_INPUT_DIR)");
		}
		return directory;
	}

	/** The output folder asked for, or configured, as it is: a dry run must not create it. */
	Path plannedOutputDirectory(PasserelleProperties properties) {
		return output != null ? output : properties.outputDir();
	}

	/** The output folder asked for, or configured; created if missing. */
	Path outputDirectory(PasserelleProperties properties) {
		Path directory = plannedOutputDirectory(properties);
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
