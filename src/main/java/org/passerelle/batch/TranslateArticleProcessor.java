package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.SourceFile;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationService;
import org.passerelle.output.OutputPaths;
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

	private final ArticleLoader loader;

	private final ArticleLedger ledger;

	private final TranslationService translator;

	private final ProviderOutageSkipPolicy outages;

	private final Path outputDir;

	private final boolean force;

	private final boolean onlyFailed;

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
		Translation translation = translator.translate(article);
		outages.providerAnswered();
		log.info("{}: translated ({} paragraphs, {} + {} tokens, {} ms)", source.id(), article.paragraphs().size(),
				translation.inputTokens(), translation.outputTokens(), translation.llmTime().toMillis());
		return translation;
	}

}
