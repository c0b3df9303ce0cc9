package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.InputFiles;
import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.BatchRequest;
import org.passerelle.llm.ProviderBatches;
import org.passerelle.llm.SpendingCap;
import org.passerelle.llm.TranslationService;
import org.passerelle.output.ArticleMetadata;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of a run in batch mode: the pending articles that fit one request each are prepared
 * as the live run would prepare them (read, cleaned, checked against the ledger and the files already
 * written), and their exact requests go to the provider as one batch, or several within its limits.
 * The batch ids are saved in the job's execution context before anything else happens. Outside batch
 * mode, and on a restart whose batches were already submitted, it does nothing.
 */
class SubmitBatchTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SubmitBatchTasklet.class);

	private final boolean batchMode;

	private final Path inputDir;

	private final Path outputDir;

	private final boolean force;

	private final ArticleLoader loader;

	private final ArticleLedger ledger;

	private final TranslationService translator;

	private final SpendingCap cap;

	private final double discount;

	private final ProviderBatches provider;

	private final JobRepository jobRepository;

	private final ArticleQuality quality;

	private final MemoryFirstTranslator memory;

	SubmitBatchTasklet(RunParameters.Batching batching, ArticleLoader loader, ArticleLedger ledger,
			TranslationService translator, SpendingCap cap, double discount,
			ProviderBatches provider, JobRepository jobRepository, ArticleQuality quality, MemoryFirstTranslator memory) {
		this.quality = quality;
		this.memory = memory;
		this.batchMode = batching.enabled();
		this.inputDir = batching.inputDir();
		this.outputDir = batching.outputDir();
		this.force = batching.force();
		this.loader = loader;
		this.ledger = ledger;
		this.translator = translator;
		this.cap = cap;
		this.discount = discount;
		this.provider = provider;
		this.jobRepository = jobRepository;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		if (!batchMode || ProviderBatch.submitted(job)) {
			return RepeatStatus.FINISHED;
		}
		List<BatchRequest> requests = pendingRequests();
		List<String> ids = new ArrayList<>();
		StringBuilder items = new StringBuilder();
		requests.forEach(request -> items.append(request.customId()).append('\t').append(request.articleId()).append('\n'));
		job.putString(ProviderBatch.ITEMS, items.toString());
		for (List<BatchRequest> group : groups(requests)) {
			String id = provider.submit(group);
			ids.add(id);
			// saved at once: a process killed from here on restarts by polling this batch, not by sending another
			job.putString(ProviderBatch.IDS, String.join(",", ids));
			jobRepository.updateExecutionContext(step.getJobExecution());
			log.info("submitted provider batch {} with {} request(s)", id, group.size());
		}
		job.putString(ProviderBatch.IDS, String.join(",", ids));
		jobRepository.updateExecutionContext(step.getJobExecution());
		if (requests.isEmpty()) {
			log.info("batch mode: no article to send in a batch; anything pending goes live");
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * The requests of the articles the live run would send, each once, within the spending cap at the batch
	 * price: none for an article the translation memory holds whole, only its changes for one it mostly holds.
	 */
	private List<BatchRequest> pendingRequests() throws IOException {
		PairedOutputWriter files = new PairedOutputWriter(outputDir, java.time.Clock.systemUTC());
		OutputNamesakes namesakes = new OutputNamesakes(files);
		Set<String> seen = new HashSet<>();
		Set<String> requestIds = new HashSet<>();
		List<BatchRequest> requests = new ArrayList<>();
		long input = 0;
		long output = 0;
		try (InputFiles walk = new InputFiles(inputDir)) {
			while (walk.hasNext()) {
				SourceFile source = walk.next();
				Article article;
				OutputPaths paths = OutputPaths.of(outputDir, source.id());
				try {
					article = loader.load(source);
					namesakes.check(source, paths);
				}
				catch (UnusableArticleException ex) {
					continue; // the translating step records it, as a live run does
				}
				// the same glossary entries as the live requests, or their answers would not be the batch's
				GlossaryTerms terms = quality.termsOf(article);
				if (!force && (ledger.isUpToDate(source, article.sha256(), translator.engine(), terms.fingerprint(), paths)
						|| writtenBefore(files.readMetadata(paths), article, terms)) || !seen.add(article.sha256())) {
					continue;
				}
				// what the memory holds is not paid again: only the changes go, in the request the live call sends
				MemoryFirstTranslator.Plan plan = memory.plan(article, terms, force);
				if (plan.recall() != null && plan.changes() == null) {
					continue;
				}
				long[] estimate = plan.changes() != null ? translator.estimate(article, plan.changes(), terms)
						: new long[] { plan.fresh().inputTokens(), plan.fresh().outputTokens() };
				if (cap.fits(input + estimate[0], output + estimate[1], discount).orElse(true)) {
					Optional<BatchRequest> request = plan.changes() != null
							? translator.batchRequest(article, plan.changes(), terms) : translator.batchRequest(article, terms);
					// two files can clean to the same request: a batch takes each id once
					if (request.isPresent() && requestIds.add(request.get().customId())) {
						requests.add(request.get());
						input += estimate[0];
						output += estimate[1];
					}
				}
			}
		}
		return requests;
	}

	private boolean writtenBefore(Optional<ArticleMetadata> metadata, Article article, GlossaryTerms terms) {
		return metadata.isPresent() && !force && article.sha256().equals(metadata.get().sourceSha256())
				&& translator.engine().provider().equals(metadata.get().provider())
				&& translator.engine().model().equals(metadata.get().model())
				&& translator.engine().promptVersion().equals(metadata.get().promptVersion())
				&& java.util.Objects.equals(terms.fingerprint(), metadata.get().glossary());
	}

	/** The requests cut into batches within the provider's count and size limits. */
	private List<List<BatchRequest>> groups(List<BatchRequest> requests) {
		List<List<BatchRequest>> groups = new ArrayList<>();
		List<BatchRequest> current = new ArrayList<>();
		long bytes = 0;
		for (BatchRequest request : requests) {
			// a line carries some framing besides the body: id, method, url
			long size = request.body().length() * 2L + 200;
			if (!current.isEmpty() && (current.size() == provider.maxRequests() || bytes + size > provider.maxBytes())) {
				groups.add(current);
				current = new ArrayList<>();
				bytes = 0;
			}
			current.add(request);
			bytes += size;
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		return groups;
	}

}
