package org.passerelle.article.html;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Picks an article's title: its {@code <h1>}, else {@code og:title}, else {@code <title>} less the site's name. */
final class PageTitle {

	// the last " - ", " | ", " – ", " — " or " · " and what follows it: "... - Le Monde", "... | Le Figaro"
	private static final Pattern SITE_SUFFIX = Pattern.compile("^(.+)\\s+[-|–—·]\\s+(.+)$");

	/** "Le Journal du Littoral" is a site name; a longer tail is more likely part of the headline. */
	private static final int MAX_SITE_NAME_WORDS = 4;

	private PageTitle() {
	}

	/**
	 * The article's own {@code <h1>}, else the last one above it (a site logo in an h1 comes first); one
	 * that only repeats the site's name does not count.
	 */
	static Optional<Element> headline(Document page, Element article, String siteName) {
		Element found = article.selectFirst("h1");
		if (found == null) {
			for (Element element : page.body().getAllElements()) {
				if (element == article) {
					break;
				}
				if (element.nameIs("h1")) {
					found = element;
				}
			}
		}
		return Optional.ofNullable(found).filter(h1 -> !HtmlText.of(h1).isEmpty() && !HtmlText.of(h1).equalsIgnoreCase(siteName));
	}

	static String of(Document page, Optional<Element> headline, String siteName) {
		return headline.map(HtmlText::of)
			.or(() -> Optional.ofNullable(PageMeta.content(page, "og:title")))
			.orElseGet(() -> withoutSiteName(HtmlText.normalise(page.title()), siteName));
	}

	static String withoutSiteName(String title, String siteName) {
		Matcher matcher = SITE_SUFFIX.matcher(title);
		if (!matcher.matches()) {
			return title;
		}
		String suffix = matcher.group(2).strip();
		boolean isSiteName = siteName != null && sameName(suffix, siteName);
		boolean looksLikeOne = suffix.split(" ").length <= MAX_SITE_NAME_WORDS;
		return isSiteName || looksLikeOne ? matcher.group(1).strip() : title;
	}

	/** "Le Monde" and "Le Monde.fr" are one site. */
	private static boolean sameName(String left, String right) {
		String a = left.toLowerCase(Locale.ROOT);
		String b = right.toLowerCase(Locale.ROOT);
		return a.contains(b) || b.contains(a);
	}

}
