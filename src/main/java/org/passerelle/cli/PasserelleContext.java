package org.passerelle.cli;

import org.passerelle.PasserelleApplication;
import org.passerelle.config.InvalidConfigurationException;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.FolderInUseException;
import org.passerelle.history.HistorySetupException;
import org.passerelle.quality.glossary.InvalidGlossaryException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application for one command, turning start-up failures into a sentence and an exit code. */
final class PasserelleContext {

	private PasserelleContext() {
	}

	/** For a command that runs the job: it holds the work directory. */
	static ConfigurableApplicationContext start() {
		return start(new WorkDirectoryLock(false));
	}

	/** The same, with the work directory already held by {@link #settings}. */
	static ConfigurableApplicationContext start(WorkDirectoryLock lock) {
		return start(PasserelleApplication.class, lock);
	}

	/**
	 * For a command that only reads the history: on a database server, which every host may read at any
	 * time, it leaves the work directory to whatever run is using it.
	 */
	static ConfigurableApplicationContext startReadOnly() {
		return start(PasserelleApplication.class, new WorkDirectoryLock(true));
	}

	/**
	 * The settings, bound and checked as the full context binds them, and the work directory taken with
	 * {@code lock}: a run asks the provider with these before it opens the database or builds the job.
	 */
	static PasserelleProperties settings(WorkDirectoryLock lock) {
		try {
			Settings settings = Settings.load();
			lock.hold(settings.environment());
			return settings.properties();
		}
		catch (RuntimeException ex) {
			throw explain(ex);
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, WorkDirectoryLock lock) {
		try {
			return builder(application).listeners(lock).run();
		}
		catch (RuntimeException ex) {
			throw explain(ex);
		}
	}

	private static SpringApplicationBuilder builder(Class<?> application) {
		// no Spring shutdown hook: on SIGTERM the running job must commit its chunk before the database closes
		return new SpringApplicationBuilder(application).registerShutdownHook(false);
	}

	static CommandFailure explain(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CommandFailure known) {
				return known;
			}
			if (cause instanceof InvalidConfigurationException invalid) {
				return new CommandFailure(ExitCodes.USAGE, "configuration error: " + invalid.getMessage());
			}
			if (cause instanceof HistorySetupException history) {
				return new CommandFailure(ExitCodes.USAGE, "database error: " + history.getMessage());
			}
			if (cause instanceof FolderInUseException busy) {
				return new CommandFailure(ExitCodes.LOCKED, busy.getMessage());
			}
			if (cause instanceof InvalidGlossaryException glossary) {
				return new CommandFailure(ExitCodes.USAGE, "glossary error: " + glossary.getMessage());
			}
			if (lostDatabase(cause)) {
				return new CommandFailure(ExitCodes.JOB_FAILED, "lost the connection to the history's database ("
						+ rootMessage(cause) + "); no article was marked failed for it: once the database is back, "
						+ "'restart' finishes the run");
			}
			String message = String.valueOf(cause.getMessage());
			if (message.contains("lock acquisition failure")) {
				return new CommandFailure(ExitCodes.LOCKED, "another Passerelle process is using the database "
						+ "(a run still in progress?); try again when it has finished");
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return new CommandFailure(ExitCodes.USAGE, "configuration error: " + bind.getName()
						+ " has a value that cannot be used" + valueOf(bind) + ": " + rootMessage(bind));
			}
		}
		return new CommandFailure(ExitCodes.JOB_FAILED, "could not start: " + rootMessage(failure));
	}

	/** A database server that went away or stopped answering: SQL states of class 08 (connection) and 57P (shutdown). */
	private static boolean lostDatabase(Throwable cause) {
		if (cause instanceof java.sql.SQLTransientConnectionException) {
			return true;
		}
		if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
		}
		return false;
	}

	private static String valueOf(BindException bind) {
		return bind.getProperty() == null ? "" : " ('" + bind.getProperty().getValue() + "')";
	}

	/** The innermost cause as "Type: message", for failures whose type says as much as their message. */
	static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

}
