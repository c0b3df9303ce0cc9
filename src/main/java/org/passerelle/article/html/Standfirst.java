package org.passerelle.article.html;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the standfirst (chapô) a page sets between the headline and the article's body, outside the
 * body's element: the lead paragraph of the article, which a translation must not lose.
 */
final class Standfirst {

	// whole words only: "c-chapo" and "article-subheadline" are standfirsts, "leaderboard" is an ad
	private static final Pattern STANDFIRST_NAME = Pattern.compile(
			"(?<![a-z])(chapo|chapeau|standfirst|subheadline|sub-headline|lede|lead|intro|excerpt|summary|desc|description)(?![a-z])");

	/** A standfirst is a sentence or two, not a label. */
	private static final int MIN_CHARS = 40;

	private Standfirst() {
	}

	static Optional<String> between(Document page, Element headline, Element body) {
		boolean afterHeadline = false;
		for (Element element : page.body().getAllElements()) {
			if (element == body) {
				break;
			}
			if (element == headline) {
				afterHeadline = true;
			}
			else if (afterHeadline && isStandfirst(element)) {
				return Optional.of(HtmlText.of(element));
			}
		}
		return Optional.empty();
	}

	private static boolean isStandfirst(Element element) {
		String names = element.className().toLowerCase(Locale.ROOT);
		return STANDFIRST_NAME.matcher(names).find() && element.select("p, div, ul, ol").size() <= 1
				&& HtmlText.of(element).length() >= MIN_CHARS && HtmlText.linkDensity(element) <= 0.5;
	}

}
