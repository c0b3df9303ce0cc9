package org.passerelle.history;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.passerelle.config.PasserelleProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The history's database, checked and migrated before anything uses it, and the guard over its runs. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

	@Bean
	HistoryDatabase historyDatabase(PasserelleProperties properties) {
		return HistoryDatabase.of(properties);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(HistoryDatabase historyDatabase) {
		return HistoryDataSources.open(historyDatabase);
	}

	@Bean
	RunGuard runGuard(HistoryDatabase historyDatabase, DataSource dataSource) {
		return historyDatabase.shared() ? new AdvisoryRunGuard(dataSource) : new FileRunGuard();
	}

	/**
	 * Closes an HSQLDB file cleanly when the program ends: the files are left consistent and the lock is
	 * released for the next night's run. Runs before the pool closes, as it depends on it.
	 */
	@Bean
	DisposableBean databaseShutdown(HistoryDatabase historyDatabase, DataSource dataSource) {
		return () -> historyDatabase.shutDown(dataSource);
	}

}
