package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleGoneException;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.SourceFile;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.llm.CallNotSentException;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationService;
import org.passerelle.output.ArticleMetadata;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Takes one article to its paired outputs. Filters it out when its file is gone, or when the ledger
 * already has a translation of this exact content by this engine with its files in place; refuses it,
 * before any call, when a namesake in its folder owns the outputs it would write. Otherwise it reuses what
 * was already paid for (files a crashed run wrote but did not commit, or a translation of identical
 * content) before it asks the model, and writes the files as soon as the answer is in. Failures are
 * thrown, never swallowed, so the step's retry and skip policies see them.
 */
class TranslateArticleProcessor implements ItemProcessor<SourceFile, Translation> {

	private static final Logger log = LoggerFactory.getLogger(TranslateArticleProcessor.class);

	private static final int RECENT_TRANSLATIONS = 256;

	private final ArticleLoader loader;

	private final ArticleLedger ledger;

	private final TranslationService translator;

	private final ProviderOutageSkipPolicy outages;

	private final PairedOutputWriter files;

	private final Path outputDir;

	private final long jobExecutionId;

	private final RunOptions options;

	private final FailedArticleRecorder recorder;

	private final OutputNamesakes namesakes;

	private DeferredArticles deferred;

	private StepExecution stepExecution;

	private final ArticleQuality quality;

	private final MemoryFirstTranslator memory;

	private MemoryTally memoryTally = new MemoryTally();

	// This run's translations by content hash, finished or in progress (articles of a chunk run
	// concurrently). Bounded: identical files are usually scraped close together, and memory must not
	// grow with the folder.
	private final Map<String, CompletableFuture<TranslatedArticle>> translatedThisRun = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<TranslatedArticle>> eldest) {
					return size() > RECENT_TRANSLATIONS;
				}
			});

	/** What the user asked of this run. */
	record RunOptions(boolean force) {
	}

	TranslateArticleProcessor(ArticleLoader loader, ArticleLedger ledger, TranslationService translator,
			ProviderOutageSkipPolicy outages, PairedOutputWriter files, Path outputDir, long jobExecutionId,
			RunOptions options, FailedArticleRecorder recorder, ArticleQuality quality, MemoryFirstTranslator memory) {
		this.memory = memory;
		this.recorder = recorder;
		this.quality = quality;
		this.namesakes = new OutputNamesakes(files);
		this.loader = loader;
		this.ledger = ledger;
		this.translator = translator;
		this.outages = outages;
		this.files = files;
		this.outputDir = outputDir;
		this.jobExecutionId = jobExecutionId;
		this.options = options;
	}

	@Override
	public Translation process(SourceFile source) throws Exception {
		Article article;
		try {
			article = loader.load(source);
		}
		catch (ArticleGoneException gone) {
			// a scraper rotated it away: nothing to translate, and nothing failed
			log.info("{}: gone before it could be read ({}); not a failure", source.id(), gone.getMessage());
			recorder.gone(source);
			return null;
		}
		OutputPaths paths = OutputPaths.of(outputDir, source.id());
		namesakes.check(source, paths);
		// the glossary entries the article uses are part of what makes its translation current
		GlossaryTerms terms = quality.termsOf(article);
		Optional<LedgerEntry> known = options.force() ? Optional.empty()
				: ledger.successOfContent(source, article.sha256(), translator.engine(), terms.fingerprint());
		boolean ownRow = known.isPresent() && ArticleLedger.isRowOf(known.get(), source);
		if (ownRow && paths.allExist()) {
			log.debug("{}: unchanged since its last translation", source.id());
			return null;
		}
		Optional<Translation> written = alreadyWritten(article, paths, terms);
		if (written.isPresent()) {
			log.info("{}: its files were written before the last run ended; reusing them", source.id());
			return quality.checked(written.get(), terms);
		}
		// its own row, whose files are gone, says nothing of another article's: then the latest of all, as before
		Optional<LedgerEntry> sameBytes = !ownRow ? known
				: ledger.translationOfSameContent(article.sha256(), translator.engine(), terms.fingerprint());
		Optional<TranslatedArticle> sameContent = sameContentTranslated(article, sameBytes);
		if (sameContent.isPresent()) {
			log.info("{}: same content as an article already translated; reusing that translation", source.id());
			return written(new Translation(article, sameContent.get(), translator.engine(), 0, 0, Duration.ZERO), terms);
		}
		if (outages.providerDown()) {
			throw new IllegalStateException(source.id() + ": not sent, the run is stopping because the provider is down");
		}
		Translation translation;
		try {
			translation = translateOnce(article, terms);
		}
		catch (CallNotSentException notSent) {
			// left for the restart: the step stops once this chunk, with the calls in flight, is committed (or,
			// for a partition taken from this worker, fails its commit on the repository's version check)
			deferred.defer(source);
			stepExecution.setTerminateOnly();
			log.info("{}: {}", source.id(), notSent.getMessage());
			return null;
		}
		outages.providerAnswered();
		log.info("{}: translated ({} paragraphs{}, {} + {} tokens, {} ms)", source.id(), article.paragraphs().size(),
				translation.reuse().any() ? ", " + translation.reuse().paragraphs() + " from the translation memory" : "",
				translation.inputTokens(), translation.outputTokens(), translation.llmTime().toMillis());
		return written(translation, terms);
	}

	/** Where the step counts what the translation memory gave. */
	TranslateArticleProcessor countingReuseIn(MemoryTally tally) {
		this.memoryTally = tally;
		return this;
	}

	/** Where articles go that the spending cap kept from being sent, and the step to stop when that happens. */
	TranslateArticleProcessor stoppingAtCap(DeferredArticles deferredArticles, StepExecution step) {
		this.deferred = deferredArticles;
		this.stepExecution = step;
		return this;
	}

	/**
	 * The answer goes to the translation memory first (the database, not the output disk), then the files
	 * to disk: if the disk is full or the process dies, what was paid for is kept.
	 */
	private Translation written(Translation translation, GlossaryTerms terms) throws IOException {
		memory.remember(translation, terms);
		Translation checked = quality.checked(translation, terms);
		if (checked.quality().flagged()) {
			log.info("{}: {} quality flag(s) for review: {}", translation.article().source().id(),
					checked.quality().flags().size(), checked.quality().flags().get(0).shown());
		}
		files.write(checked, jobExecutionId);
		memoryTally.add(checked.reuse());
		return checked;
	}

	/** Complete files for this very content, engine and glossary, left by a run that died before its chunk committed. */
	private Optional<Translation> alreadyWritten(Article article, OutputPaths paths, GlossaryTerms terms)
			throws IOException {
		if (options.force()) {
			return Optional.empty();
		}
		Optional<ArticleMetadata> metadata = files.readMetadata(paths);
		if (metadata.isEmpty() || !matches(metadata.get(), article, terms)) {
			return Optional.empty();
		}
		ArticleMetadata found = metadata.get();
		return Optional.of(new Translation(article, PairedOutputWriter.read(paths), translator.engine(),
				found.tokens().input(), found.tokens().output(), Duration.ofMillis(found.timings().llmMillis())));
	}

	private boolean matches(ArticleMetadata metadata, Article article, GlossaryTerms terms) {
		Translation.Engine engine = translator.engine();
		return article.sha256().equals(metadata.sourceSha256()) && engine.provider().equals(metadata.provider())
				&& engine.model().equals(metadata.model()) && engine.promptVersion().equals(metadata.promptVersion())
				&& java.util.Objects.equals(terms.fingerprint(), metadata.glossary());
	}

	/**
	 * Asks the model, unless a copy of this content is being translated on another thread (articles of
	 * a chunk are processed concurrently): then this copy waits for that answer rather than paying for
	 * its own, and goes on by itself only if that translation fails.
	 */
	private Translation translateOnce(Article article, GlossaryTerms terms) throws Exception {
		CompletableFuture<TranslatedArticle> mine = new CompletableFuture<>();
		CompletableFuture<TranslatedArticle> theirs = translatedThisRun.putIfAbsent(article.sha256(), mine);
		if (theirs != null) {
			try {
				log.info("{}: same content as an article being translated alongside it; waiting for that translation",
						article.source().id());
				return new Translation(article, theirs.get(), translator.engine(), 0, 0, Duration.ZERO);
			}
			catch (ExecutionException ex) {
				return memory.translate(article, terms, options.force());
			}
		}
		try {
			Translation translation = memory.translate(article, terms, options.force());
			mine.complete(translation.english());
			return translation;
		}
		catch (Exception | Error ex) {
			translatedThisRun.remove(article.sha256(), mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * Two files with the same bytes are translated once: from this run's recent answers, or an earlier run's files.
	 *
	 * @param earlier the ledger's latest translation of the same bytes (none under --force)
	 */
	private Optional<TranslatedArticle> sameContentTranslated(Article article, Optional<LedgerEntry> earlier)
			throws IOException {
		CompletableFuture<TranslatedArticle> recent = translatedThisRun.get(article.sha256());
		if (recent != null && recent.isDone() && !recent.isCompletedExceptionally()) {
			return Optional.of(recent.join());
		}
		if (options.force() || earlier.isEmpty()) {
			return Optional.empty();
		}
		OutputPaths paths = new OutputPaths(Path.of(earlier.get().translationPath()), Path.of(earlier.get().summaryPath()),
				Path.of(earlier.get().metadataPath()));
		return paths.allExist() ? Optional.of(PairedOutputWriter.read(paths)) : Optional.empty();
	}

}
