package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.passerelle.batch.TranslationRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code passerelle retry-failed}: sends again every article whose last attempt failed, from the input
 * folder it came from into the output folder it was going to, and nothing else.
 */
@Command(name = "retry-failed", mixinStandardHelpOptions = true,
		description = "Translates again every article whose last attempt failed (see 'failures'), from its own input "
				+ "folder into its own output folder, once the cause is fixed. --input or --output only narrow it "
				+ "to the failures of that folder.")
class RetryFailedCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private ReportOption report;

	@Mixin
	private FolderOptions folders;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		return JobLaunch.execute(out, spec.commandLine().getErr(),
				new JobLaunch.Reporting("retry-failed", report), (runs, properties) -> {
			TranslationRuns.Retry retry = runs.retryFailed(folders.askedInput(), folders.askedOutput(), LocalDate.now());
			if (retry.found() == 0) {
				out.println("No failed articles to retry" + (folders.askedInput() == null && folders.askedOutput() == null
						? "." : " in the folder given."));
			}
			else {
				out.printf("Retry: %d failed article(s) found in %d folder(s); %d sent again, %d gone (their files were removed, "
						+ "so they leave the failures list).%n", retry.found(), retry.runs().size(), retry.sent(), retry.gone());
			}
			return retry.runs();
		});
	}

}
