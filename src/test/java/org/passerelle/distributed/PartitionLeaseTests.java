package org.passerelle.distributed;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.batch.RunHistory;
import org.passerelle.history.HistoryDataSources;
import org.passerelle.history.HistoryDatabase;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.RealPostgres;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker asks before each call whether its partition is still its own, in a real PostgreSQL history:
 * not once the manager has taken it away for a silence past the heartbeat timeout and another worker
 * holds it, even though the partition is still running, nor once the partition stopped running; back
 * from a silence before any other worker took the partition, it holds it again.
 */
@ExtendWith(RealPostgres.class)
class PartitionLeaseTests {

	private HikariDataSource dataSource;

	private JobRepository jobRepository;

	private WorkerRegistry workers;

	private StepExecution partition;

	@BeforeEach
	void aRunningPartitionHeldByAWorker(PostgresServer server) {
		dataSource = HistoryDataSources.open(HistoryDatabase.of(server.newDatabase(), PostgresServer.USER,
				PostgresServer.PASSWORD, Path.of("unused")));
		jobRepository = RunHistory.on(dataSource).jobRepository();
		JobInstance instance = jobRepository.createJobInstance("translateArticlesJob", new JobParameters());
		JobExecution job = jobRepository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
		partition = jobRepository.createStepExecution("translateArticlesStep:partition0", job);
		partition.setStatus(BatchStatus.STARTED);
		jobRepository.update(partition);
		workers = new WorkerRegistry(JdbcClient.create(dataSource));
		workers.register("host-a:101:first", "host-a", 101);
		workers.register("host-b:202:second", "host-b", 202);
		workers.claim("host-a:101:first", partition.getId());
	}

	@AfterEach
	void close() {
		dataSource.close();
	}

	@Test
	void aWorkerThatWasSilentTooLongHasLostItsPartitionToTheNextOne() {
		PartitionLease first = lease("host-a:101:first");
		PartitionLease second = lease("host-b:202:second");
		assertThat(first.lost()).isFalse();
		assertThat(second.lost()).as("a partition another worker holds").isTrue();

		// what the manager does when the first worker has not beaten for the heartbeat timeout
		workers.dispossess("host-a:101:first", partition.getId());
		workers.claim("host-b:202:second", partition.getId());
		workers.beat("host-a:101:first"); // back from its pause: beating again does not give it back

		assertThat(first.lost()).as("still running, but in another worker's hands").isTrue();
		assertThat(second.lost()).isFalse();
	}

	@Test
	void aPartitionThatStoppedRunningIsNoOnesToSendFor() {
		PartitionLease first = lease("host-a:101:first");

		// what the restart of a run whose manager died does to the dead execution's partitions
		partition.setStatus(BatchStatus.FAILED);
		jobRepository.update(partition);

		assertThat(first.lost()).isTrue();
	}

	@Test
	void aWorkerBackFromASilenceTakesItsPartitionBackWhenNoOtherWorkerHasIt() {
		PartitionLease first = lease("host-a:101:first");
		workers.dispossess("host-a:101:first", partition.getId());

		assertThat(first.lost()).as("still running, and no one else's").isFalse();
		assertThat(workers.holders().get(partition.getId()).id()).isEqualTo("host-a:101:first");
		assertThat(lease("host-b:202:second").lost()).as("the request sent again is not the next worker's now").isTrue();
	}

	private PartitionLease lease(String workerId) {
		return new PartitionLease(workers, new TransactionTemplate(new JdbcTransactionManager(dataSource)),
				partition.getId(), workerId);
	}

}
