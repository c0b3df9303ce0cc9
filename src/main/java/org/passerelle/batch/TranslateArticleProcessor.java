package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.SourceFile;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationService;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Loads and cleans an article, filters it out when it is not wanted (a {@code retry-failed} run wants only
 * articles whose last attempt failed) or when the ledger already has a translation of this exact
 * content by this engine (and its files are still there), and otherwise translates it. Failures are
 * thrown, never swallowed, so the step's skip policy records them.
 */
public class TranslateArticleProcessor implements ItemProcessor<SourceFile, Translation> {

	private static final Logger log = LoggerFactory.getLogger(TranslateArticleProcessor.class);

	private static final int RECENT_TRANSLATIONS = 256;

	private final ArticleLoader loader;

	private final ArticleLedger ledger;

	private final TranslationService translator;

	private final ProviderOutageSkipPolicy outages;

	private final Path outputDir;

	private final boolean force;

	private final boolean onlyFailed;

	// bounded: identical files are usually scraped close together, and memory must not grow with the folder
	private final Map<String, TranslatedArticle> translatedThisRun = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, TranslatedArticle> eldest) {
					return size() > RECENT_TRANSLATIONS;
				}
			});

	TranslateArticleProcessor(ArticleLoader loader, ArticleLedger ledger, TranslationService translator,
			ProviderOutageSkipPolicy outages, Path outputDir, boolean force, boolean onlyFailed) {
		this.loader = loader;
		this.ledger = ledger;
		this.translator = translator;
		this.outages = outages;
		this.outputDir = outputDir;
		this.force = force;
		this.onlyFailed = onlyFailed;
	}

	/** Two files with the same bytes are translated once: from this run's recent answers, or an earlier run's files. */
	private Optional<TranslatedArticle> sameContentTranslated(Article article) throws IOException {
		TranslatedArticle recent = translatedThisRun.get(article.sha256());
		if (recent != null) {
			return Optional.of(recent);
		}
		if (force) {
			return Optional.empty();
		}
		Optional<LedgerEntry> earlier = ledger.translationOfSameContent(article.sha256(), translator.engine());
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		OutputPaths paths = new OutputPaths(Path.of(earlier.get().translationPath()), Path.of(earlier.get().summaryPath()),
				Path.of(earlier.get().metadataPath()));
		return paths.allExist() ? Optional.of(PairedOutputWriter.read(paths)) : Optional.empty();
	}

	@Override
	public Translation process(SourceFile source) throws Exception {
		if (onlyFailed && !ledger.lastAttemptFailed(source.id())) {
			return null;
		}
		Article article = loader.load(source);
		if (!force && ledger.isTranslated(source.id(), article.sha256(), translator.engine())
				&& OutputPaths.of(outputDir, source.id()).allExist()) {
			log.debug("{}: unchanged since its last translation", source.id());
			return null;
		}
		Optional<TranslatedArticle> sameContent = sameContentTranslated(article);
		if (sameContent.isPresent()) {
			log.info("{}: same content as an article already translated; reusing that translation", source.id());
			return new Translation(article, sameContent.get(), translator.engine(), 0, 0, Duration.ZERO);
		}
		Translation translation = translator.translate(article);
		outages.providerAnswered();
		translatedThisRun.put(article.sha256(), translation.english());
		log.info("{}: translated ({} paragraphs, {} + {} tokens, {} ms)", source.id(), article.paragraphs().size(),
				translation.inputTokens(), translation.outputTokens(), translation.llmTime().toMillis());
		return translation;
	}

}
