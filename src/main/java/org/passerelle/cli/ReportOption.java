package org.passerelle.cli;

import org.passerelle.config.PasserelleProperties;
import picocli.CommandLine.Option;

/** {@code --no-report}, shared by the commands that run the job. */
class ReportOption {

	@Option(names = "--no-report", description = "Write no report (HTML and JSON Lines in <output>/_reports/); "
			+ "PASSERELLE_REPORT=false does the same.")
	private boolean noReport;

	boolean wanted(PasserelleProperties properties) {
		return !noReport && properties.report();
	}

}
