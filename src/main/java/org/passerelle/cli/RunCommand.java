package org.passerelle.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.batch.RunRequest;
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
	private FolderOptions folders;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Label of this run (default: today).")
	private LocalDate date;

	@Option(names = "--force", description = "Translate every article again, even those already done.")
	private boolean force;

	@Override
	public Integer call() throws Exception {
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				(runs, properties) -> Optional.of(runs.run(new RunRequest(folders.inputDirectory(properties),
						folders.outputDirectory(properties), date == null ? LocalDate.now() : date, force))));
	}

}
