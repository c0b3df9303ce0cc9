package org.passerelle.distributed;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.HistoryDatabase;

/** What a distributed run, or a worker, needs of the history before it starts. */
public final class DistributedRuns {

	/** Said when a distributed run or a worker is asked of a history kept in a work directory's file. */
	public static final String NEEDS_SERVER = "the history on a PostgreSQL server that the manager and every worker "
			+ "reach: set PASSERELLE_DATABASE_URL (jdbc:postgresql://host:5432/passerelle) and "
			+ "PASSERELLE_DATABASE_USER / PASSERELLE_DATABASE_PASSWORD";

	private DistributedRuns() {
	}

	/** Whether every host can reach the history: a server, not a work directory's file. */
	public static boolean possible(PasserelleProperties properties) {
		return HistoryDatabase.of(properties).shared();
	}

}
