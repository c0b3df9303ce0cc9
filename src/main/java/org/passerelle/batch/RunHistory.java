package org.passerelle.batch;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The runs as the job repository has them, for the commands that only read the history: they need
 * the repository and nothing of the job itself.
 */
public class RunHistory {

	private final JobRepository jobRepository;

	private RunHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * The history on this data source, read through Spring Batch's JDBC repository with its defaults (the
	 * same tables and serializer as the job's), without a Spring context and without the transactional
	 * proxy around it: a reader's statements each stand alone, and the proxy's set-up is a good part of
	 * what a reading command would otherwise spend starting.
	 */
	public static RunHistory on(DataSource dataSource) {
		ReadingRepository factory = new ReadingRepository();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(new JdbcTransactionManager(dataSource));
		try {
			return new RunHistory(factory.unproxied());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the job repository: " + ex.getMessage(), ex);
		}
	}

	/** The repository itself, for what else reads it ({@code status}'s partitions). */
	public JobRepository jobRepository() {
		return jobRepository;
	}

	/** The most recent executions, newest first. */
	public List<RunSummary> recent(int limit) {
		return TranslationRuns.recent(jobRepository, limit);
	}

	/** Spring Batch's factory, asked for the repository it would otherwise wrap in transactions. */
	private static final class ReadingRepository extends JdbcJobRepositoryFactoryBean {

		JobRepository unproxied() throws Exception {
			afterPropertiesSet();
			return (JobRepository) getTarget();
		}

	}

}
