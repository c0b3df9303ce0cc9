package org.passerelle.ledger;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger and the clock it stamps rows with, on the history's database (whose schema is already current). */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ArticleLedger articleLedger(DataSource dataSource, Clock clock) {
		return new ArticleLedger(JdbcClient.create(dataSource), clock);
	}

}
