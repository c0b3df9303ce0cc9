package org.passerelle.ledger;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger and the clock it stamps rows with, on the job repository's database. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** After the schema scripts have run (Spring Batch's tables too: the migration reads them), before any use. */
	@Bean
	@DependsOnDatabaseInitialization
	ArticleLedger articleLedger(DataSource dataSource, Clock clock) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		new LedgerMigration(jdbc).migrate();
		return new ArticleLedger(jdbc, clock);
	}

}
