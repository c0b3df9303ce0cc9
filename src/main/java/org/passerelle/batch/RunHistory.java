package org.passerelle.batch;

import java.util.List;

import org.springframework.batch.core.repository.JobRepository;

/**
 * The runs as the job repository has them, for the commands that only read the history: they need
 * the repository and nothing of the job itself.
 */
public class RunHistory {

	private final JobRepository jobRepository;

	RunHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The most recent executions, newest first. */
	public List<RunSummary> recent(int limit) {
		return TranslationRuns.recent(jobRepository, limit);
	}

}
