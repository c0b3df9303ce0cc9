package org.passerelle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code passerelle} command and its subcommands. */
@Command(name = "passerelle", mixinStandardHelpOptions = true, version = "Passerelle 0.1",
		description = "Translates French news articles into English, with a summary of each, night after night.",
		subcommands = { RunCommand.class, StatusCommand.class, FailuresCommand.class, RetryFailedCommand.class,
				RestartCommand.class, ReviewCommand.class, EvaluateCommand.class, CopyHistoryCommand.class,
				MemoryCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class },
		footer = { "", "Exit codes: 0 done, 1 job failed (restartable), 2 usage or configuration error,",
				"3 another run holds the database or the input folder, 4 finished but some articles failed." })
public class PasserelleCli implements Runnable {

	@Spec
	private CommandSpec spec;

	/** Runs the command line and returns the process exit code. */
	public static int execute(String... args) {
		CommandLine commandLine = new CommandLine(new PasserelleCli());
		commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
			CommandFailure explained = PasserelleContext.explain(failure);
			cmd.getErr().println("passerelle: " + explained.getMessage());
			return explained.exitCode();
		});
		return commandLine.execute(args);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run: run, status, failures, retry-failed, restart, review, evaluate, copy-history or worker");
	}

}
