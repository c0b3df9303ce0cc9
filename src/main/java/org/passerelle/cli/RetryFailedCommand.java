package org.passerelle.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle retry-failed}: a new run over the articles whose last attempt failed, and nothing else. */
@Command(name = "retry-failed", mixinStandardHelpOptions = true,
		description = "Translates again only the articles whose last attempt failed (see 'failures'), "
				+ "once their cause is fixed.")
class RetryFailedCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--input", paramLabel = "DIR", description = "Articles folder (default: PASSERELLE_INPUT_DIR or input/).")
	private Path input;

	@Option(names = "--output", paramLabel = "DIR", description = "Outputs folder (default: PASSERELLE_OUTPUT_DIR or output/).")
	private Path output;

	@Override
	public Integer call() throws Exception {
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				(runs, properties) -> Optional.of(runs.run(new RunRequest(
						RunCommand.existingDirectory(input != null ? input : properties.inputDir()),
						RunCommand.creatableDirectory(output != null ? output : properties.outputDir()), LocalDate.now(),
						false, true))));
	}

}
