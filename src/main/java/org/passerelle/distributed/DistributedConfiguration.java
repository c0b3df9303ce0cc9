package org.passerelle.distributed;

import java.time.Duration;

import javax.sql.DataSource;

import org.passerelle.batch.WorkerSteps;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.ProviderLimits;
import org.passerelle.llm.SpendingCap;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The manager step of a distributed run and the worker's loop. Both are built in every process; they
 * touch the database only when a run with partitions, or a worker, uses them.
 */
@Configuration(proxyBeanMethods = false)
class DistributedConfiguration {

	@Bean
	@Lazy
	QueueChannel partitionRequests(DataSource dataSource) {
		return PartitionRequests.channel(dataSource);
	}

	@Bean
	@Lazy
	WorkerRegistry workerRegistry(DataSource dataSource) {
		// its table, like the message store's, is made by the history's migrations (version 17)
		return new WorkerRegistry(JdbcClient.create(dataSource));
	}

	@Bean
	Step translateArticlesManagerStep(JobRepository jobRepository, Partitioner articlePartitioner,
			@Lazy QueueChannel partitionRequests, @Lazy WorkerRegistry workerRegistry,
			PasserelleProperties properties, SpendingCap spendingCap, DataSource dataSource) {
		PasserelleProperties.Distributed distributed = properties.distributed();
		return new StepBuilder(WorkerSteps.MANAGER_STEP_NAME, jobRepository)
			.partitioner(WorkerSteps.STEP_NAME, articlePartitioner)
			.partitionHandler(new HeartbeatPartitionHandler(partitionRequests, jobRepository, workerRegistry,
					distributed.pollInterval(), distributed.heartbeatTimeout(), spendingCap, dataSource))
			.build();
	}

	@Bean
	@StepScope
	Partitioner articlePartitioner(@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		return new ArticlePartitioner(WorkerSteps.inputDir(parameters), WorkerSteps.partitions(parameters));
	}

	@Bean
	@Lazy
	DistributedStatus distributedStatus(JobRepository jobRepository, @Lazy WorkerRegistry workerRegistry,
			PasserelleProperties properties) {
		return new DistributedStatus(jobRepository, workerRegistry, properties.distributed().heartbeatTimeout());
	}

	@Bean
	@Lazy
	PartitionWorker partitionWorker(@Lazy QueueChannel partitionRequests, @Lazy WorkerRegistry workerRegistry,
			JobRepository jobRepository, BeanFactory beans, PlatformTransactionManager transactionManager,
			PasserelleProperties properties, @Lazy ProviderLimits providerLimits, SpendingCap spendingCap,
			DataSource dataSource) {
		Duration heartbeatTimeout = properties.distributed().heartbeatTimeout();
		// several beats within the timeout, so that one slow beat does not make a worker look dead
		Duration beat = heartbeatTimeout.dividedBy(6).compareTo(Duration.ofSeconds(5)) < 0 ? heartbeatTimeout.dividedBy(6)
				: Duration.ofSeconds(5);
		return new PartitionWorker(partitionRequests, workerRegistry, jobRepository, name -> beans.getBean(name, Step.class),
				new TransactionTemplate(transactionManager), beat, Duration.ofSeconds(1), providerLimits, spendingCap,
				dataSource);
	}

}
