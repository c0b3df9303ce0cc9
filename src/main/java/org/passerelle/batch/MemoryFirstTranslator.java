package org.passerelle.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.passerelle.article.Article;
import org.passerelle.llm.ArticleChanges;
import org.passerelle.llm.TokenBudget;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationFailedException;
import org.passerelle.llm.TranslationService;
import org.passerelle.memory.ArticleKeys;
import org.passerelle.memory.MadeBy;
import org.passerelle.memory.MemoryException;
import org.passerelle.memory.Recall;
import org.passerelle.memory.TranslationMemory;
import org.passerelle.quality.QualityReport;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks an article up in the translation memory before anything is sent: an article whose paragraphs,
 * title and summary are all known costs nothing; one that changed a little sends only its new paragraphs
 * (and title) with their context, and revises its earlier version's summary; any other goes to the model
 * whole, as a new article. Every answer is remembered the moment it is in, before its files are written.
 */
class MemoryFirstTranslator {

	private static final Logger log = LoggerFactory.getLogger(MemoryFirstTranslator.class);

	private final TranslationMemory memory;

	private final TranslationService translator;

	private final TokenBudget budget;

	private final SentTogether sentTogether;

	/**
	 * The keys this thread computed last: a step's thread looks an article up, then remembers its answer,
	 * and the keys (a normalisation and a SHA-256 per paragraph) are the same both times.
	 */
	private final ThreadLocal<Keyed> lastKeyed = new ThreadLocal<>();

	MemoryFirstTranslator(TranslationMemory memory, TranslationService translator, TokenBudget budget,
			SentTogether sentTogether) {
		this.sentTogether = sentTogether;
		this.memory = memory;
		this.translator = translator;
		this.budget = budget;
	}

	/** Asked at each use: the translation service is built only once a run needs it. */
	private MadeBy madeBy() {
		Translation.Engine engine = translator.engine();
		return new MadeBy(engine.provider(), engine.model(), engine.promptVersion());
	}

	/** What the memory makes of an article, before anything is sent (also what the dry run counts). */
	Plan plan(Article article, GlossaryTerms terms, boolean force) {
		Plan remembered = force ? null : ifRemembered(article, terms);
		return remembered != null ? remembered : Plan.fresh(budget.plan(article, terms));
	}

	/**
	 * The plan of an article the memory holds some of, or null when it holds none: then nothing is
	 * counted, since the article goes whole to the model (the read-ahead for shared requests asks this
	 * of every article of the night).
	 */
	Plan ifRemembered(Article article, GlossaryTerms terms) {
		if (translator.paidInBatch(article, terms)) {
			return null;
		}
		Recall recall = memory.recall(keys(article, terms));
		return recall.empty() ? null : fromRecall(article, terms, recall);
	}

	private Plan fromRecall(Article article, GlossaryTerms terms, Recall recall) {
		TokenBudget.Plan fresh = budget.plan(article, terms);
		int found = recall.found();
		if (recall.complete()) {
			return new Plan(recall, null, new Translation.Reuse(found, article.paragraphs().size(), fresh.inputTokens(),
					fresh.outputTokens()), fresh);
		}
		Recall.Earlier earlier = recall.summary() != null ? new Recall.Earlier(recall.summary(), List.of()) : recall.earlier();
		if (recall.empty() || earlier == null) {
			return Plan.fresh(fresh);
		}
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < recall.paragraphs().size(); i++) {
			if (recall.paragraphs().get(i) == null) {
				missing.add(i);
			}
		}
		ArticleChanges changes = new ArticleChanges(missing, recall.title() == null, earlier.summary(), earlier.removed());
		if (!translator.canSendChanges(article, changes, terms)) {
			return Plan.fresh(fresh);
		}
		long[] sent = translator.estimate(article, changes, terms);
		return new Plan(recall, changes, new Translation.Reuse(found, article.paragraphs().size(),
				Math.max(0, fresh.inputTokens() - sent[0]), Math.max(0, fresh.outputTokens() - sent[1])), fresh);
	}

	/** The article's translation: from the memory as far as it goes, the rest from the model. */
	Translation translate(Article article, GlossaryTerms terms, boolean force) throws TranslationFailedException {
		// not plan(): an article the memory holds nothing of goes whole, and its tokens are counted there
		Plan plan = force ? null : ifRemembered(article, terms);
		if (plan == null || plan.recall() == null) {
			return translator.translate(article, terms);
		}
		Recall recall = plan.recall();
		if (plan.changes() == null) {
			TranslatedArticle english = new TranslatedArticle(recall.title(), recall.paragraphs(), recall.summary());
			java.util.Optional<SentTogether.Share> together = sentTogether.take(article.sha256(), article.source().id());
			if (together.isPresent()) {
				// its changes went in a request shared with other articles, before this step
				SentTogether.Share sent = together.get();
				return new Translation(article, english, translator.engine(), sent.inputTokens(), sent.outputTokens(),
						sent.llmTime(), sent.fromBatch(), terms, QualityReport.NOT_CHECKED, sent.reuse());
			}
			log.info("{}: every paragraph, the title and the summary are in the translation memory", article.source().id());
			return new Translation(article, english, translator.engine(), 0, 0, Duration.ZERO, false, terms,
					QualityReport.NOT_CHECKED, plan.reuse());
		}
		ArticleChanges changes = plan.changes();
		log.info("{}: {} of {} paragraphs from the translation memory; sending the {} new ones{}", article.source().id(),
				recall.found(), article.paragraphs().size(), changes.paragraphs().size(),
				changes.title() ? " and the title" : "");
		return assembled(plan, translator.translate(article, changes, terms));
	}

	/** The memory's paragraphs (and title, and summary) with the answer to the changes in their places. */
	Translation assembled(Plan plan, Translation sent) {
		Recall recall = plan.recall();
		ArticleChanges changes = plan.changes();
		List<String> paragraphs = new ArrayList<>(recall.paragraphs());
		for (int i = 0; i < changes.paragraphs().size(); i++) {
			paragraphs.set(changes.paragraphs().get(i), sent.english().paragraphs().get(i));
		}
		String title = recall.title() != null ? recall.title() : sent.english().title();
		String summary = recall.summary() != null ? recall.summary() : sent.english().summary();
		return new Translation(sent.article(), new TranslatedArticle(title, paragraphs, summary), translator.engine(),
				sent.inputTokens(), sent.outputTokens(), sent.llmTime(), sent.fromBatch(), sent.glossary(),
				QualityReport.NOT_CHECKED, plan.reuse());
	}

	/**
	 * Keeps a checked answer in the memory (the database, never the output disk). A memory that cannot be
	 * written costs only future reuse: the files are still written.
	 */
	void remember(Translation translation, GlossaryTerms terms) {
		TranslatedArticle english = translation.english();
		try {
			memory.remember(madeBy(), keys(translation.article(), terms), english.title(), english.paragraphs(),
					english.summary());
		}
		catch (MemoryException ex) {
			log.warn("{}: not kept in the translation memory ({})", translation.article().source().id(), ex.getMessage());
		}
	}

	/**
	 * Whether any article of this run could send only its changes: not when the memory holds no summary by
	 * this engine (a first night, a new model). A memory that cannot be read is taken to hold some.
	 */
	boolean remembersSummaries() {
		try {
			return memory.holdsSummariesBy(madeBy());
		}
		catch (MemoryException ex) {
			return true;
		}
	}

	private ArticleKeys keys(Article article, GlossaryTerms terms) {
		MadeBy madeBy = madeBy();
		Keyed last = lastKeyed.get();
		if (last != null && last.article() == article && last.terms() == terms && last.madeBy().equals(madeBy)) {
			return last.keys();
		}
		ArticleKeys keys = ArticleKeys.of(madeBy, article.title(), article.paragraphs(), text -> terms.within(text).fingerprint());
		lastKeyed.set(new Keyed(article, terms, madeBy, keys));
		return keys;
	}

	private record Keyed(Article article, GlossaryTerms terms, MadeBy madeBy, ArticleKeys keys) {
	}

	/**
	 * @param recall what the memory holds, null when the article goes whole to the model
	 * @param changes what must still be sent, null when nothing must
	 * @param reuse what the memory spares
	 * @param fresh what translating the article from scratch would cost
	 */
	record Plan(Recall recall, ArticleChanges changes, Translation.Reuse reuse, TokenBudget.Plan fresh) {

		static Plan fresh(TokenBudget.Plan fresh) {
			return new Plan(null, null, Translation.Reuse.NONE, fresh);
		}

	}

}
