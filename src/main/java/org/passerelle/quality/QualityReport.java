package org.passerelle.quality;

import java.util.List;

/**
 * The quality checks' findings on one article, as {@code meta.json} holds them.
 *
 * @param flags what a reviewer should look at; empty when nothing was found
 * @param lengthRatio the English/French length ratio the article's paragraphs were judged against (its
 * median, held within plausible bounds)
 * @param glossaryTerms how many glossary entries the article uses
 */
public record QualityReport(List<QualityFlag> flags, double lengthRatio, int glossaryTerms) {

	public static final QualityReport NOT_CHECKED = new QualityReport(List.of(), 0, 0);

	public QualityReport {
		flags = List.copyOf(flags);
	}

	public boolean flagged() {
		return !flags.isEmpty();
	}

}
