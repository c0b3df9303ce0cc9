package org.passerelle.batch;

import java.nio.file.Path;
import java.util.Optional;

import org.passerelle.article.Article;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.Translation;
import org.passerelle.quality.QualityChecks;
import org.passerelle.quality.glossary.Glossary;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's glossary (the one for its input folder) and the quality checks every article it writes goes
 * through, whether just translated or reused.
 */
public class ArticleQuality {

	private static final Logger log = LoggerFactory.getLogger(ArticleQuality.class);

	private final Glossary glossary;

	private final int maxSummarySentences;

	ArticleQuality(Glossary glossary, int maxSummarySentences) {
		this.glossary = glossary;
		this.maxSummarySentences = maxSummarySentences;
	}

	/** Reads the glossary a run over this folder uses; a glossary that cannot be used stops here, with its line. */
	public static ArticleQuality forInput(PasserelleProperties properties, Path inputDir) {
		Optional<Path> file = Glossary.locate(properties.glossary(), inputDir, properties.workDir());
		Glossary glossary = file.map(Glossary::read).orElse(Glossary.EMPTY);
		file.ifPresent(path -> log.debug("glossary: {} entries from {}", glossary.entries().size(), path));
		return new ArticleQuality(glossary, properties.summaryMaxSentences());
	}

	public Glossary glossary() {
		return glossary;
	}

	/** The glossary entries this article uses. */
	GlossaryTerms termsOf(Article article) {
		return glossary.termsIn(article.text());
	}

	/** The translation with its quality flags. */
	Translation checked(Translation translation, GlossaryTerms terms) {
		Article article = translation.article();
		return translation.checked(terms, QualityChecks.check(new QualityChecks.Texts(article.title(), article.paragraphs(),
				translation.english().title(), translation.english().paragraphs(), translation.english().summary()),
				terms, maxSummarySentences));
	}

}
