package org.passerelle.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.passerelle.article.Article;
import org.passerelle.article.ArticleGoneException;
import org.passerelle.article.ArticleLoader;
import org.passerelle.article.InputFiles;
import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.TokenBudget;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationService;
import org.passerelle.memory.TranslationMemory;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.springframework.stereotype.Component;

/**
 * A dry run: reads, cleans and cuts every article a run would send, as the run would, and adds up
 * what it would cost. Sends nothing, writes nothing, creates no job execution.
 */
@Component
public class RunEstimate {

	/** Unusable files listed by name in the estimate; the rest are only counted. */
	private static final int LISTED_UNUSABLE = 20;

	private final ArticleLedger ledger;

	private final ArticleLoader loader;

	private final TokenBudget budget;

	private final Translation.Engine engine;

	private final PasserelleProperties properties;

	private final MemoryFirstTranslator memory;

	RunEstimate(ArticleLedger ledger, ArticleLoader loader, TokenBudget budget, Translation.Engine engine,
			PasserelleProperties properties, TranslationMemory translationMemory,
			@org.springframework.context.annotation.Lazy TranslationService translationService) {
		this.memory = new MemoryFirstTranslator(translationMemory, translationService, budget, new SentTogether(null));
		this.properties = properties;
		this.ledger = ledger;
		this.loader = loader;
		this.budget = budget;
		this.engine = engine;
	}

	/**
	 * What a run over these folders would do and send. {@code paragraphsFromMemory} of the {@code paragraphs}
	 * of the articles to translate are in the translation memory, which spares the saved tokens (the
	 * estimate of a translation from scratch, less that of what is still sent); the input and output
	 * estimates are of what is still sent, one request per changed article (the run sends several
	 * articles' changes together, so it pays fewer prompts).
	 */
	public record Estimate(long pending, long unchanged, long duplicates, long longArticles, long parts,
			long inputTokens, long outputTokens, long unusable, List<String> unusableReasons,
			java.util.Map<String, Integer> skipped, long paragraphs, long paragraphsFromMemory, long savedInputTokens,
			long savedOutputTokens) {
	}

	public Estimate estimate(Path inputDir, Path outputDir, boolean force) {
		Set<String> seen = new HashSet<>();
		long pending = 0;
		long unchanged = 0;
		long duplicates = 0;
		long longArticles = 0;
		long parts = 0;
		long input = 0;
		long output = 0;
		long unusable = 0;
		long paragraphs = 0;
		long fromMemory = 0;
		long savedInput = 0;
		long savedOutput = 0;
		List<String> reasons = new ArrayList<>();
		OutputNamesakes namesakes = new OutputNamesakes(new PairedOutputWriter(outputDir, java.time.Clock.systemUTC()));
		ArticleQuality quality = ArticleQuality.forInput(properties, inputDir);
		InputFiles files = new InputFiles(inputDir);
		while (files.hasNext()) {
			SourceFile source = files.next();
			Article article;
			try {
				article = loader.load(source);
				namesakes.check(source, OutputPaths.of(outputDir, source.id()));
			}
			catch (ArticleGoneException ex) {
				continue;
			}
			catch (UnusableArticleException ex) {
				unusable++;
				if (reasons.size() < LISTED_UNUSABLE) {
					reasons.add(source.id() + ": " + ex.getMessage());
				}
				continue;
			}
			GlossaryTerms terms = quality.termsOf(article);
			if (!force && ledger.isUpToDate(source, article.sha256(), engine, terms.fingerprint(),
					OutputPaths.of(outputDir, source.id()))) {
				unchanged++;
				continue;
			}
			pending++;
			if (!seen.add(article.sha256())) {
				duplicates++; // identical content is translated once per run
				continue;
			}
			paragraphs += article.paragraphs().size();
			MemoryFirstTranslator.Plan remembered = memory.plan(article, terms, force);
			if (remembered.recall() != null) {
				Translation.Reuse reuse = remembered.reuse();
				fromMemory += reuse.paragraphs();
				savedInput += reuse.savedInputTokens();
				savedOutput += reuse.savedOutputTokens();
				parts += remembered.changes() == null ? 0 : 1;
				input += remembered.fresh().inputTokens() - reuse.savedInputTokens();
				output += remembered.fresh().outputTokens() - reuse.savedOutputTokens();
				continue;
			}
			TokenBudget.Plan plan = budget.plan(article, terms);
			parts += plan.parts();
			longArticles += plan.parts() > 1 ? 1 : 0;
			input += plan.inputTokens();
			output += plan.outputTokens();
		}
		files.close();
		return new Estimate(pending, unchanged, duplicates, longArticles, parts, input, output, unusable, reasons,
				files.skipped(), paragraphs, fromMemory, savedInput, savedOutput);
	}

}
