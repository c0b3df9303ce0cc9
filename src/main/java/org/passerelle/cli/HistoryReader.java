package org.passerelle.cli;

import java.time.Clock;

import org.passerelle.batch.RunHistory;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.distributed.DistributedStatus;
import org.passerelle.history.HistoryDataSources;
import org.passerelle.history.HistoryDatabase;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.memory.TranslationMemory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What {@code status}, {@code failures}, {@code review} and {@code memory} open: the settings, the work directory's lock
 * when the history is its HSQLDB file, one connection to the history (checked as for a run, migrated only
 * if it lacks a version), and the job repository and the ledger on it. No Spring application, no job, no
 * provider client, no language model, none of an application's start-up.
 */
final class HistoryReader implements AutoCloseable {

	private final PasserelleProperties properties;

	private final HistoryDatabase database;

	private final WorkDirectoryLock lock;

	private final SingleConnectionDataSource dataSource;

	private RunHistory runs;

	private HistoryReader(PasserelleProperties properties, HistoryDatabase database, WorkDirectoryLock lock,
			SingleConnectionDataSource dataSource) {
		this.properties = properties;
		this.database = database;
		this.lock = lock;
		this.dataSource = dataSource;
	}

	/**
	 * Opens the history the settings name. On a database server, which every host may read at any time,
	 * the work directory is left to whatever run is using it; its HSQLDB file is read only with the lock.
	 *
	 * @throws WorkDirectoryLocked when another process holds the work directory
	 */
	static HistoryReader open() {
		return open(true);
	}

	/**
	 * The same for a command that changes the history without running the job ({@code memory} with an
	 * option forgets): it holds the work directory whatever the database, as a run does.
	 */
	static HistoryReader openToChange() {
		return open(false);
	}

	private static HistoryReader open(boolean readOnly) {
		ClassPreload.start("startup/history-classes.txt");
		WorkDirectoryLock lock = new WorkDirectoryLock(readOnly);
		PasserelleProperties properties = PasserelleContext.settings(lock);
		try {
			HistoryDatabase database = HistoryDatabase.of(properties);
			return new HistoryReader(properties, database, lock, HistoryDataSources.openForReading(database));
		}
		catch (RuntimeException ex) {
			lock.release();
			throw PasserelleContext.explain(ex);
		}
	}

	PasserelleProperties properties() {
		return properties;
	}

	RunHistory runs() {
		if (runs == null) {
			runs = RunHistory.on(dataSource);
		}
		return runs;
	}

	ArticleLedger ledger() {
		return new ArticleLedger(JdbcClient.create(dataSource), Clock.systemUTC());
	}

	TranslationMemory memory() {
		return new TranslationMemory(dataSource, Clock.systemUTC());
	}

	DistributedStatus distributed() {
		return DistributedStatus.of(runs().jobRepository(), dataSource, properties.distributed().heartbeatTimeout());
	}

	/** Closes an HSQLDB file cleanly, as the application does, then the connection and the lock. */
	@Override
	public void close() {
		try {
			database.shutDown(dataSource);
		}
		finally {
			dataSource.destroy();
			lock.release();
		}
	}

}
