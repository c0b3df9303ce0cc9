package org.passerelle.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code passerelle restart [ID]}: finish a run that failed, was stopped, or died. */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Resumes the latest (or the given) FAILED or STOPPED run from its last committed chunk. "
				+ "A run left STARTED by a process that died is recovered first.")
class RestartCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ReportOption report;

	@Parameters(arity = "0..1", paramLabel = "EXECUTION_ID", description = "The run to resume (default: the latest).")
	private Long executionId;

	@Override
	public Integer call() throws Exception {
		return JobLaunch.execute(spec.commandLine().getOut(), spec.commandLine().getErr(),
				new JobLaunch.Reporting("restart", report), (runs, properties) -> {
			Optional<org.passerelle.batch.RunSummary> restarted;
			try {
				restarted = runs.restart(executionId);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandFailure(ExitCodes.USAGE, ex.getMessage());
			}
			if (restarted.isEmpty()) {
				spec.commandLine().getOut().println("Nothing to restart: "
						+ (executionId == null ? "the latest run did not fail." : "run " + executionId + " did not fail."));
			}
			return restarted.stream().toList();
		});
	}

}
