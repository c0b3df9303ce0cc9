package org.passerelle.article.html;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the element of a cleaned page that holds the article: the one whose paragraphs carry the most
 * plain (unlinked) text, widened to its enclosing {@code <article>} so that the standfirst comes along.
 */
final class ContentLocator {

	/** Shorter paragraphs (labels, bylines, "Publicité") say nothing about where the article is. */
	private static final int MIN_PARAGRAPH_CHARS = 25;

	/** Below this a page has no article, only teasers: two or three sentences' worth of text. */
	private static final double MIN_SCORE = 300;

	/** A block more than this share of link text is a list of links, a home page's teasers, not prose. */
	private static final double MAX_LINK_DENSITY = 0.35;

	private ContentLocator() {
	}

	static Optional<Element> locate(Document page) {
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Element paragraph : page.body().select("p")) {
			int plain = plainLength(paragraph);
			if (plain < MIN_PARAGRAPH_CHARS) {
				continue;
			}
			// the parent takes the whole paragraph, the grandparent half: articles whose paragraphs each sit
			// in their own wrapper still add up on the block around the wrappers
			Element parent = paragraph.parent();
			if (parent != null) {
				scores.merge(parent, (double) plain, Double::sum);
				if (parent.parent() != null) {
					scores.merge(parent.parent(), plain / 2.0, Double::sum);
				}
			}
		}
		Element best = null;
		double bestScore = 0;
		// in document order, so that a tie goes to the first block and every run picks the same one
		for (Element candidate : page.body().getAllElements()) {
			double score = scores.getOrDefault(candidate, 0.0);
			if (score >= MIN_SCORE && score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		Element article = best.closest("article");
		Element container = article != null ? article : best;
		return HtmlText.linkDensity(container) > MAX_LINK_DENSITY ? Optional.empty() : Optional.of(container);
	}

	private static int plainLength(Element paragraph) {
		int linked = 0;
		for (Element link : paragraph.select("a")) {
			linked += HtmlText.of(link).length();
		}
		return HtmlText.of(paragraph).length() - linked;
	}

}
