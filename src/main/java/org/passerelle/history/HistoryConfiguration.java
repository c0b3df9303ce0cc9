package org.passerelle.history;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.passerelle.config.PasserelleProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The history's database, checked and migrated before anything uses it, and the guard over its runs. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

	@Bean
	HistoryDatabase historyDatabase(PasserelleProperties properties) {
		PasserelleProperties.Database settings = properties.database();
		return HistoryDatabase.of(settings.url(), settings.user(), settings.password(), properties.workDir());
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
		return () -> {
			if (historyDatabase.vendor() == HistoryDatabase.Vendor.HSQLDB) {
				new JdbcTemplate(dataSource).execute("SHUTDOWN");
			}
		};
	}

}
