package org.passerelle.distributed;

import javax.sql.DataSource;

import org.passerelle.config.PasserelleProperties;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code status} reads of distributed runs, for its read-only context: not a
 * {@code @Configuration}, so that the full application (which has {@link DistributedConfiguration})
 * never picks it up twice.
 */
public class DistributedStatusBeans {

	@Bean
	@Lazy
	DistributedStatus distributedStatus(JobRepository jobRepository, DataSource dataSource,
			PasserelleProperties properties) {
		// the worker table is made by the history's migrations (PostgreSQL's version 17)
		return new DistributedStatus(jobRepository, new WorkerRegistry(JdbcClient.create(dataSource)),
				properties.distributed().heartbeatTimeout());
	}

}
