package org.passerelle.distributed;

import javax.sql.DataSource;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.HistoryDatabase;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code status} reads of distributed runs, for its read-only context: not a
 * {@code @Configuration}, so that the full application (which has {@link DistributedConfiguration})
 * never picks it up twice.
 */
public class DistributedStatusBeans {

	@Bean
	@Lazy
	DistributedStatus distributedStatus(JobRepository jobRepository, DataSource dataSource,
			HistoryDatabase historyDatabase, PlatformTransactionManager transactionManager,
			PasserelleProperties properties) {
		if (historyDatabase.shared()) {
			DistributedTables.create(dataSource, new TransactionTemplate(transactionManager));
		}
		return new DistributedStatus(jobRepository, new WorkerRegistry(JdbcClient.create(dataSource)),
				properties.distributed().heartbeatTimeout());
	}

}
