package org.passerelle.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code passerelle retry-failed}: a new run over the articles whose last attempt failed, and nothing else. */
@Command(name = "retry-failed", mixinStandardHelpOptions = true,
		description = "Translates again only the articles whose last attempt failed (see 'failures'), "
				+ "once their cause is fixed.")
class RetryFailedCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private FolderOptions folders;

	@Override
	public Integer call() throws Exception {
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				(runs, properties) -> Optional.of(runs.run(new RunRequest(folders.inputDirectory(properties),
						folders.outputDirectory(properties), LocalDate.now(), false, true))));
	}

}
