package org.passerelle.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.HistoryCopy;
import org.passerelle.history.HistoryDataSources;
import org.passerelle.history.HistoryDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle copy-history --to URL}: the work directory's HSQLDB history, copied into an empty PostgreSQL. */
@Command(name = "copy-history", mixinStandardHelpOptions = true,
		description = "Copies the history of the work directory (its runs and article ledger, in the HSQLDB file) into "
				+ "an empty PostgreSQL database, so that a move to a shared server translates nothing again. The "
				+ "target's login is PASSERELLE_DATABASE_USER and PASSERELLE_DATABASE_PASSWORD.")
class CopyHistoryCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--to", required = true, paramLabel = "JDBC-URL",
			description = "The PostgreSQL database to fill, e.g. jdbc:postgresql://db:5432/passerelle.")
	private String target;

	@Override
	public Integer call() {
		String from = System.getenv("PASSERELLE_DATABASE_URL");
		if (from != null && !from.isBlank() && !from.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:hsqldb:")) {
			throw new CommandFailure(ExitCodes.USAGE, "copy-history copies the work directory's HSQLDB history: unset "
					+ "PASSERELLE_DATABASE_URL (the server is named by --to)");
		}
		String user = System.getenv("PASSERELLE_DATABASE_USER");
		String password = System.getenv("PASSERELLE_DATABASE_PASSWORD");
		HistoryDatabase to;
		try {
			to = HistoryDatabase.of(target, user, password, null);
		}
		catch (RuntimeException ex) {
			throw PasserelleContext.explain(ex);
		}
		if (to.vendor() != HistoryDatabase.Vendor.POSTGRESQL) {
			throw new CommandFailure(ExitCodes.USAGE, "--to must name a PostgreSQL database (jdbc:postgresql://host:5432/name)");
		}
		// the work directory is held while copying: no run changes the history half-way
		try (ConfigurableApplicationContext context = PasserelleContext.start()) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			Map<String, Long> copied;
			try (HikariDataSource server = HistoryDataSources.open(to)) {
				copied = HistoryCopy.copy(context.getBean(DataSource.class), server);
			}
			catch (RuntimeException ex) {
				throw PasserelleContext.explain(ex);
			}
			PrintWriter out = spec.commandLine().getOut();
			out.printf("Copied the history of %s into %s: %,d runs (%,d executions, %,d steps) and %,d ledger rows.%n",
					properties.workDir().toAbsolutePath().normalize(), to.safeUrl(), copied.get("BATCH_JOB_INSTANCE"),
					copied.get("BATCH_JOB_EXECUTION"), copied.get("BATCH_STEP_EXECUTION"), copied.get("PASSERELLE_ARTICLE"));
			out.println("From now on set PASSERELLE_DATABASE_URL=" + to.safeUrl()
					+ " (with PASSERELLE_DATABASE_USER and _PASSWORD) on every host; the file is left as it was.");
			return ExitCodes.OK;
		}
	}

}
