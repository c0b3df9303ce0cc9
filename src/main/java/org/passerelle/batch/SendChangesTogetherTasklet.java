package org.passerelle.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.InputFiles;
import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.ProviderResponses;
import org.passerelle.llm.SpendingCap;
import org.passerelle.llm.SpendingCapReachedException;
import org.passerelle.llm.TokenBudget;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationFailedException;
import org.passerelle.llm.TranslationService;
import org.passerelle.output.OutputPaths;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Before the articles are translated one by one: the articles of the run that changed only a little
 * (the memory holds most of their paragraphs and a summary to revise) send their changes together, up
 * to {@link #ARTICLES_PER_REQUEST} in a request, so that a night of small updates pays the prompt once
 * per group rather than once per article. Each answer goes into the memory at once; the translating step
 * then finds those articles whole in it. Nothing here is needed: an article whose group fails, or whose
 * part of the answer is unusable, is simply sent alone by the translating step.
 */
class SendChangesTogetherTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SendChangesTogetherTasklet.class);

	/** Enough to make the prompt a small share of the request; few enough that a failed one costs little. */
	static final int ARTICLES_PER_REQUEST = 8;

	private final RunParameters.Batching run;

	private final boolean onlyFailed;

	private final ArticleLoader loader;

	private final ArticleLedger ledger;

	private final ArticleQuality quality;

	private final MemoryFirstTranslator memory;

	private final TranslationService translator;

	private final TokenBudget budget;

	private final SentTogether sentTogether;

	private final java.util.concurrent.Executor executor;

	private final SpendingCap cap;

	SendChangesTogetherTasklet(RunParameters.Batching run, boolean onlyFailed, ArticleLoader loader, ArticleLedger ledger,
			ArticleQuality quality, MemoryFirstTranslator memory, TranslationService translator, TokenBudget budget,
			SentTogether sentTogether, java.util.concurrent.Executor executor, SpendingCap cap) {
		this.executor = executor;
		this.cap = cap;
		this.run = run;
		this.onlyFailed = onlyFailed;
		this.loader = loader;
		this.ledger = ledger;
		this.quality = quality;
		this.memory = memory;
		this.translator = translator;
		this.budget = budget;
		this.sentTogether = sentTogether;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		org.springframework.batch.core.job.JobExecution job = contribution.getStepExecution().getJobExecution();
		// a restart carries the job's context over: what the execution before sent, it paid for
		sentTogether.clear();
		sentTogether.saveIn(job.getExecutionContext());
		// --force bypasses the memory; batch mode and a retry of the failures have their own ways
		if (run.force() || run.enabled() || onlyFailed) {
			return RepeatStatus.FINISHED;
		}
		// the run's allowance starts here; the translating step counts on from what these requests cost
		cap.startRun(job.getId());
		long[] billedAtStart = ProviderResponses.billedTokens();
		// without a summary to revise, no article can send only its changes: the folder is not read twice
		List<List<Pending>> groups = memory.remembersSummaries() ? groups(changedArticles()) : List.of();
		// the groups go concurrently, as articles do, within the provider's limits
		List<java.util.concurrent.CompletableFuture<Integer>> sending = groups.stream()
			.map(group -> java.util.concurrent.CompletableFuture.supplyAsync(() -> inJob(job, () -> sendOrLeave(group)),
					executor))
			.toList();
		List<Integer> kept = sending.stream().map(java.util.concurrent.CompletableFuture::join).toList();
		int sent = kept.stream().mapToInt(Integer::intValue).sum();
		if (sent > 0) {
			log.info("the changes of {} articles sent in {} shared requests", sent,
					kept.stream().filter(each -> each > 0).count());
		}
		if (cap.reached()) {
			// the answers in are in the memory: the translating step writes them, then stops at its first request
			log.info("stopping at {}: the articles already answered are written, the rest are left for 'restart'",
					cap.describe());
		}
		// the job's context is saved with this step's end, before a distributed run's workers start
		sentTogether.saveIn(job.getExecutionContext());
		long[] billed = ProviderResponses.billedTokens();
		ExecutionContext context = contribution.getStepExecution().getExecutionContext();
		context.putLong(BilledTokens.INPUT, billed[0] - billedAtStart[0]);
		context.putLong(BilledTokens.OUTPUT, billed[1] - billedAtStart[1]);
		return RepeatStatus.FINISHED;
	}

	/** The run's articles that are due and whose changes alone can be sent. */
	private List<Pending> changedArticles() {
		List<Pending> pending = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		try (InputFiles files = new InputFiles(run.inputDir())) {
			while (files.hasNext()) {
				SourceFile source = files.next();
				Article article;
				try {
					article = loader.load(source);
				}
				catch (UnusableArticleException ex) {
					continue; // the translating step reports it
				}
				GlossaryTerms terms = quality.termsOf(article);
				if (!seen.add(article.sha256()) || ledger.isUpToDate(source, article.sha256(), translator.engine(),
						terms.fingerprint(), OutputPaths.of(run.outputDir(), source.id()))) {
					continue;
				}
				MemoryFirstTranslator.Plan plan = memory.ifRemembered(article, terms);
				// a long article whose changes need several requests sends them itself, in the translating step
				if (plan != null && plan.changes() != null && translator.fitsOneRequest(article, plan.changes(), terms)) {
					long[] estimate = translator.estimate(article, plan.changes(), terms);
					pending.add(new Pending(new TranslationService.Changed(article, plan.changes(), terms), plan,
							estimate[0] - budget.promptTokens(), estimate[1]));
				}
			}
		}
		catch (java.io.UncheckedIOException ex) {
			log.info("the input folder could not be read ahead ({}); each article will be sent alone", ex.getMessage());
		}
		return pending;
	}

	/** Groups of articles whose requests and answers fit the model's limits; a lone article is left to the step. */
	private List<List<Pending>> groups(List<Pending> pending) {
		List<List<Pending>> groups = new ArrayList<>();
		List<Pending> group = new ArrayList<>();
		long input = 0;
		long output = 0;
		for (Pending one : pending) {
			if (!group.isEmpty() && (group.size() == ARTICLES_PER_REQUEST || input + one.input() > budget.segmentTokens(0)
					|| output + one.output() > budget.maxOutputTokens() / 2)) {
				groups.add(group);
				group = new ArrayList<>();
				input = 0;
				output = 0;
			}
			group.add(one);
			input += one.input();
			output += one.output();
		}
		groups.add(group);
		return groups.stream().filter(each -> each.size() > 1).toList();
	}

	/** On a pool thread, the job's scope is made active for the job-scoped memory and its tally. */
	private static int inJob(org.springframework.batch.core.job.JobExecution job, java.util.function.IntSupplier work) {
		org.springframework.batch.core.scope.context.JobSynchronizationManager.register(job);
		try {
			return work.getAsInt();
		}
		finally {
			org.springframework.batch.core.scope.context.JobSynchronizationManager.release();
		}
	}

	/** The articles kept from one group's answer; none when the group could not be sent. */
	private int sendOrLeave(List<Pending> group) {
		try {
			return send(group);
		}
		catch (SpendingCapReachedException ex) {
			log.info("changes not sent together: {}", ex.getMessage());
		}
		catch (TranslationFailedException | RuntimeException ex) {
			log.info("the changes of {} articles could not be sent together ({}); each will be sent alone", group.size(),
					ex.getMessage());
		}
		return 0;
	}

	private int send(List<Pending> group) throws TranslationFailedException {
		List<Translation> answers = translator.translateTogether(group.stream().map(Pending::changed).toList());
		int kept = 0;
		for (int i = 0; i < group.size(); i++) {
			if (answers.get(i) == null) {
				continue;
			}
			Translation whole = memory.assembled(group.get(i).plan(), answers.get(i));
			memory.remember(whole, group.get(i).changed().terms());
			sentTogether.put(whole);
			kept++;
		}
		return kept;
	}

	private record Pending(TranslationService.Changed changed, MemoryFirstTranslator.Plan plan, long input, long output) {
	}

}
