package org.passerelle.cli;

/** The process exit codes, as documented in the README. */
public final class ExitCodes {

	/** Everything asked for is done. */
	public static final int OK = 0;

	/** The job failed; it can be restarted. */
	public static final int JOB_FAILED = 1;

	/** The command line or the configuration is wrong; nothing was started. */
	public static final int USAGE = 2;

	/** Another Passerelle process holds the database. */
	public static final int LOCKED = 3;

	/** The run finished, but some articles failed (see the ledger). */
	public static final int SOME_ARTICLES_FAILED = 4;

	/** The run stopped at its spending cap; nothing failed, the rest is left for a restart or the next run. */
	public static final int SPENDING_CAP = 5;

	private ExitCodes() {
	}

}
