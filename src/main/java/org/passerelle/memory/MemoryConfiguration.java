package org.passerelle.memory;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The translation memory, on the history's database, once the schema scripts have made its tables. */
@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	TranslationMemory translationMemory(DataSource dataSource, Clock clock) {
		return new TranslationMemory(dataSource, clock);
	}

}
