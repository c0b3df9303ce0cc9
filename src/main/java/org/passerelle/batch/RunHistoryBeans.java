package org.passerelle.batch;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job repository alone, on the history's data source, for the commands that only read the runs
 * ({@code status}, {@code review}): no job, no step, none of Spring Batch's start-up. Not a
 * {@code @Configuration} on purpose, so that the full application, which scans this package and has
 * Spring Boot's batch configuration, never picks it up; the read-only context imports it.
 */
public class RunHistoryBeans {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	/** Spring Batch's JDBC repository with its defaults, the same tables and serializer as Spring Boot's. */
	@Bean
	JdbcJobRepositoryFactoryBean jobRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(transactionManager);
		return factory;
	}

	@Bean
	RunHistory runHistory(org.springframework.batch.core.repository.JobRepository jobRepository) {
		return new RunHistory(jobRepository);
	}

}
