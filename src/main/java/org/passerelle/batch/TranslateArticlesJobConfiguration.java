package org.passerelle.batch;

import java.nio.file.Path;
import java.time.Clock;

import org.passerelle.article.ArticleCleaner;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.SourceFile;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.BatchAnswers;
import org.passerelle.llm.PartAnswers;
import org.passerelle.llm.ProviderBatches;
import org.passerelle.llm.TokenBudget;
import org.passerelle.llm.SpendingCap;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationService;
import org.passerelle.memory.TranslationMemory;
import org.passerelle.output.PairedOutputWriter;
import org.passerelle.progress.RunProgress;
import org.passerelle.report.RunJournal;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** The nightly job: one fault-tolerant chunk step from input files to paired outputs. */
@Configuration(proxyBeanMethods = false)
class TranslateArticlesJobConfiguration {

	static final String JOB_NAME = "translateArticlesJob";

	static final String STEP_NAME = "translateArticlesStep";

	static final String SUBMIT_STEP_NAME = "submitBatchStep";

	static final String AWAIT_STEP_NAME = "awaitBatchStep";

	static final String SEND_CHANGES_STEP_NAME = "sendChangesTogetherStep";

	/** The step of a distributed run that hands partitions of the translating step to workers and waits for them. */
	static final String MANAGER_STEP_NAME = "translateArticlesManagerStep";

	/**
	 * In batch mode, the pending articles' requests first go to the provider as a batch, and the job waits
	 * for its answers; the translating step then takes each article's answer from the batch, or asks live.
	 * Outside batch mode the first two steps do nothing. Then the articles that changed only a little send
	 * their changes together ({@link SendChangesTogetherTasklet}). A restart skips the steps that completed.
	 */
	@Bean
	Job translateArticlesJob(JobRepository jobRepository, Step submitBatchStep, Step awaitBatchStep,
			Step sendChangesTogetherStep, Step translateArticlesStep, Step translateArticlesManagerStep) {
		// a run with partitions translates through workers; the choice rests on a job parameter, so a
		// restart takes the same way
		JobExecutionDecider partitioned = (job, step) -> new FlowExecutionStatus(
				RunParameters.partitions(job.getJobParameters()) > 1 ? PARTITIONED : LOCAL);
		return new JobBuilder(JOB_NAME, jobRepository).start(submitBatchStep)
			.next(awaitBatchStep)
			.next(sendChangesTogetherStep)
			.next(partitioned)
			.on(PARTITIONED)
			.to(translateArticlesManagerStep)
			.from(partitioned)
			.on("*")
			.to(translateArticlesStep)
			.end()
			.build();
	}

	@Bean
	Step sendChangesTogetherStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SendChangesTogetherTasklet sendChangesTogetherTasklet) {
		// run again on restart: what the last execution left (at the spending cap, say) is grouped again, and
		// what it sent is whole in the memory by then, so nothing goes twice
		return new StepBuilder(SEND_CHANGES_STEP_NAME, jobRepository).tasklet(sendChangesTogetherTasklet, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	SendChangesTogetherTasklet sendChangesTogetherTasklet(ArticleLoader loader, ArticleLedger ledger,
			@Lazy TranslationService translationService, TokenBudget tokenBudget, ArticleQuality articleQuality,
			MemoryFirstTranslator memoryFirstTranslator, SentTogether sentTogether,
			ThreadPoolTaskExecutor articleTaskExecutor, SpendingCap spendingCap,
			@Value("#{jobParameters['" + RunParameters.BATCH + "']}") String batch,
			@Value("#{jobParameters['" + RunParameters.ONLY_FAILED + "']}") String onlyFailed,
			@Value("#{jobParameters['" + RunParameters.INPUT_DIR + "']}") String inputDir,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{jobParameters['" + RunParameters.FORCE + "']}") String force) {
		return new SendChangesTogetherTasklet(new RunParameters.Batching(Boolean.parseBoolean(batch), Path.of(inputDir),
				Path.of(outputDir), Boolean.parseBoolean(force)), Boolean.parseBoolean(onlyFailed), loader, ledger,
				articleQuality, memoryFirstTranslator, translationService, tokenBudget, sentTogether, articleTaskExecutor,
				spendingCap);
	}

	@Bean
	@StepScope
	MemoryTally memoryTally() {
		return new MemoryTally();
	}

	/** What the shared requests cost each article, from the step that sends them to the one that writes it. */
	@Bean
	@JobScope
	SentTogether sentTogether(@Value("#{jobExecutionContext['" + SentTogether.KEY + "']}") String saved) {
		return new SentTogether(saved);
	}

	@Bean
	@JobScope
	MemoryFirstTranslator memoryFirstTranslator(TranslationMemory translationMemory,
			@Lazy TranslationService translationService, TokenBudget tokenBudget, SentTogether sentTogether) {
		return new MemoryFirstTranslator(translationMemory, translationService, tokenBudget, sentTogether);
	}

	private static final String PARTITIONED = "PARTITIONED";

	private static final String LOCAL = "LOCAL";

	@Bean
	Step submitBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SubmitBatchTasklet submitBatchTasklet) {
		return new StepBuilder(SUBMIT_STEP_NAME, jobRepository).tasklet(submitBatchTasklet, transactionManager).build();
	}

	@Bean
	Step awaitBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwaitBatchTasklet awaitBatchTasklet) {
		return new StepBuilder(AWAIT_STEP_NAME, jobRepository).tasklet(awaitBatchTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	SubmitBatchTasklet submitBatchTasklet(PasserelleProperties properties, ArticleLoader loader, ArticleLedger ledger,
			@Lazy TranslationService translationService, TokenBudget tokenBudget, SpendingCap spendingCap,
			@Lazy ProviderBatches providerBatches, JobRepository jobRepository,
			@Value("#{jobParameters['" + RunParameters.BATCH + "']}") String batch,
			@Value("#{jobParameters['" + RunParameters.INPUT_DIR + "']}") String inputDir,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{jobParameters['" + RunParameters.FORCE + "']}") String force, ArticleQuality articleQuality,
			MemoryFirstTranslator memoryFirstTranslator) {
		return new SubmitBatchTasklet(new RunParameters.Batching(Boolean.parseBoolean(batch), Path.of(inputDir),
				Path.of(outputDir), Boolean.parseBoolean(force)), loader, ledger, translationService, spendingCap,
				properties.llm().batch().discount(), providerBatches, jobRepository, articleQuality,
				memoryFirstTranslator);
	}

	@Bean
	@StepScope
	AwaitBatchTasklet awaitBatchTasklet(PasserelleProperties properties, @Lazy ProviderBatches providerBatches,
			JobRepository jobRepository) {
		PasserelleProperties.Batch batch = properties.llm().batch();
		return new AwaitBatchTasklet(providerBatches, properties.workDir(), batch.pollInterval(), batch.maxWait(),
				jobRepository);
	}

	@Bean
	@StepScope
	BatchAnswersStream batchAnswersStream(BatchAnswers batchAnswers,
			@Value("#{stepExecution.jobExecution.executionContext}") org.springframework.batch.infrastructure.item.ExecutionContext job) {
		return new BatchAnswersStream(batchAnswers, ProviderBatch.results(job));
	}

	@Bean
	Step translateArticlesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PasserelleProperties properties, SourceFileReader sourceFileReader,
			TranslateArticleProcessor translateArticleProcessor, LedgerItemWriter ledgerItemWriter,
			FailedArticleRecorder failedArticleRecorder, ProviderRetryPolicy providerRetryPolicy,
			ProviderOutageSkipPolicy providerOutageSkipPolicy, ThreadPoolTaskExecutor articleTaskExecutor,
			DeferredArticles deferredArticles, SpendingCap spendingCap, BatchAnswersStream batchAnswersStream,
			ProgressListener progressListener, MemoryTally memoryTally) {
		BilledTokens billedTokens = new BilledTokens(spendingCap);
		return new StepBuilder(STEP_NAME, jobRepository).<SourceFile, Translation>chunk(properties.effectiveChunkSize())
			.transactionManager(transactionManager)
			.reader(sourceFileReader)
			// articles of a chunk are processed concurrently; the chunk is written and committed, in
			// reading order, once all of them are done, so restart semantics are those of a plain chunk
			.processor(translateArticleProcessor)
			.taskExecutor(articleTaskExecutor)
			.writer(ledgerItemWriter)
			.faultTolerant()
			.retryPolicy(providerRetryPolicy)
			// a bad file or a failed translation costs one article, never the run; a provider that is down stops it
			.skipPolicy(providerOutageSkipPolicy)
			.skipListener(failedArticleRecorder)
			.stream(failedArticleRecorder)
			.listener(providerRetryPolicy)
			.stream(billedTokens)
			.listener((org.springframework.batch.core.listener.StepExecutionListener) billedTokens)
			.stream(memoryTally)
			.stream(deferredArticles)
			.stream(batchAnswersStream)
			.listener(batchAnswersStream)
			.listener(progressListener)
			.skipListener(progressListener)
			.build();
	}

	/** The live counts of the run in progress in this process, for the progress line and {@code status}. */
	@Bean
	RunProgress runProgress() {
		return new RunProgress();
	}

	@Bean
	@StepScope
	ProgressListener progressListener(RunProgress runProgress, SourceFileReader sourceFileReader) {
		return new ProgressListener(runProgress, sourceFileReader);
	}

	/** Reads and cleans article files, for the job and for dry runs alike. */
	@Bean
	ArticleLoader articleLoader(PasserelleProperties properties) {
		return new ArticleLoader(new ArticleCleaner(), properties.maxFileBytes());
	}

	/**
	 * One thread per call the provider may have in flight. On shutdown it lets the articles in progress
	 * finish, so answers already paid for reach the disk.
	 */
	@Bean
	ThreadPoolTaskExecutor articleTaskExecutor(PasserelleProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.llm().concurrency());
		executor.setMaxPoolSize(properties.llm().concurrency());
		executor.setThreadNamePrefix("article-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationMillis(properties.llm().timeout().toMillis());
		return executor;
	}

	@Bean
	@StepScope
	ProviderRetryPolicy providerRetryPolicy(PasserelleProperties properties) {
		return new ProviderRetryPolicy(properties.llm().retry());
	}

	@Bean
	@StepScope
	ProviderOutageSkipPolicy providerOutageSkipPolicy(PasserelleProperties properties) {
		return new ProviderOutageSkipPolicy(properties.llm().retry().failuresBeforeStop());
	}

	@Bean
	@StepScope
	SourceFileReader sourceFileReader(ArticleLedger ledger, DeferredArticles deferredArticles,
			@Value("#{jobParameters['" + RunParameters.INPUT_DIR + "']}") String inputDir,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{jobParameters['" + RunParameters.ONLY_FAILED + "']}") String onlyFailed,
			@Value("#{stepExecutionContext['" + PartitionKey.INDEX + "']}") Integer partitionIndex,
			@Value("#{stepExecutionContext['" + PartitionKey.COUNT + "']}") Integer partitionCount) {
		return (Boolean.parseBoolean(onlyFailed) ? SourceFileReader.failedOnly(ledger, Path.of(inputDir), Path.of(outputDir))
				: new SourceFileReader(Path.of(inputDir))).deferring(deferredArticles)
			.inPartition(partitionIndex, partitionCount);
	}

	@Bean
	@StepScope
	DeferredArticles deferredArticles() {
		return new DeferredArticles();
	}

	@Bean
	@StepScope
	TranslateArticleProcessor translateArticleProcessor(ArticleLoader loader, ArticleLedger ledger,
			@Lazy TranslationService translationService, ProviderOutageSkipPolicy providerOutageSkipPolicy, Clock clock,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{jobParameters['" + RunParameters.FORCE + "']}") String force,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId, FailedArticleRecorder failedArticleRecorder,
			DeferredArticles deferredArticles, @Value("#{stepExecution}") StepExecution stepExecution,
			ArticleQuality articleQuality, MemoryFirstTranslator memoryFirstTranslator, MemoryTally memoryTally) {
		return new TranslateArticleProcessor(loader, ledger, translationService, providerOutageSkipPolicy,
				new PairedOutputWriter(Path.of(outputDir), clock), Path.of(outputDir), jobExecutionId,
				new TranslateArticleProcessor.RunOptions(Boolean.parseBoolean(force)), failedArticleRecorder,
				articleQuality, memoryFirstTranslator)
			.stoppingAtCap(deferredArticles, stepExecution)
			.countingReuseIn(memoryTally);
	}

	/** The glossary of the run's input folder, read once when a step starts (and again on restart). */
	@Bean
	@StepScope
	ArticleQuality articleQuality(PasserelleProperties properties,
			@Value("#{jobParameters['" + RunParameters.INPUT_DIR + "']}") String inputDir) {
		return ArticleQuality.forInput(properties, Path.of(inputDir));
	}

	@Bean
	@StepScope
	LedgerItemWriter ledgerItemWriter(ArticleLedger ledger, FailedArticleRecorder failedArticleRecorder,
			RunJournalRecorder runJournalRecorder,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId, PartAnswers partAnswers) {
		return new LedgerItemWriter(ledger, Path.of(outputDir), jobExecutionId, failedArticleRecorder, partAnswers,
				runJournalRecorder);
	}

	@Bean
	@StepScope
	FailedArticleRecorder failedArticleRecorder(ArticleLedger ledger, Translation.Engine engine,
			RunJournalRecorder runJournalRecorder,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new FailedArticleRecorder(ledger, engine, Path.of(outputDir), jobExecutionId, runJournalRecorder);
	}

	/**
	 * The articles this execution handled, for its report: {@code <work-dir>/journal/run-<id>.jsonl}, or for
	 * a partition of a distributed run a file of its own under the shared output folder, which the manager
	 * gathers.
	 */
	@Bean
	@StepScope
	RunJournalRecorder runJournalRecorder(PasserelleProperties properties,
			@Value("#{jobParameters['" + RunParameters.OUTPUT_DIR + "']}") String outputDir,
			@Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution step) {
		long jobExecutionId = step.getJobExecutionId();
		Path journal = RunParameters.partitions(step.getJobParameters()) > 1
				? RunJournal.partitionFileFor(Path.of(outputDir), jobExecutionId, step.getId())
				: RunJournal.fileFor(properties.workDir(), jobExecutionId);
		return new RunJournalRecorder(new RunJournal(journal), Path.of(outputDir));
	}

}
