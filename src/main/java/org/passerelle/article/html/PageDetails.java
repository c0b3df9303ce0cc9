package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.passerelle.article.SourceDetails;

/**
 * Reads a page's {@link SourceDetails}: the canonical link, then JSON-LD, then Open Graph and
 * {@code <meta>} tags, and last the {@code <time datetime>} of the article.
 */
final class PageDetails {

	private final Document page;

	private final JsonLdArticle jsonLd;

	private final List<Dated> times = new ArrayList<>();

	/** Reads what cleaning the page would remove: JSON-LD scripts and the times in bylines. */
	PageDetails(Document page) {
		this.page = page;
		this.jsonLd = JsonLdArticle.of(page);
		for (Element time : page.body().select("time[datetime]")) {
			String datetime = PageMeta.blankToNull(time.attr("datetime"));
			if (datetime != null) {
				times.add(new Dated(datetime, time.parents()));
			}
		}
	}

	/** The article's body as the page's JSON-LD gives it ({@code articleBody}), or null. */
	String structuredBody() {
		return jsonLd.body();
	}

	/** Whether the page's own markup says it is an article (JSON-LD article type, {@code og:type=article}). */
	boolean declaresArticle() {
		String type = PageMeta.content(page, "og:type");
		return jsonLd != JsonLdArticle.NONE || (type != null && type.equalsIgnoreCase("article"));
	}

	/** The site's name, as JSON-LD's publisher or Open Graph gives it, or null. */
	String siteName() {
		return jsonLd.publisher() != null ? jsonLd.publisher() : PageMeta.content(page, "og:site_name");
	}

	/** The details, with the date taken from the article's own {@code <time>} when nothing else gives it. */
	SourceDetails details(Optional<Element> article) {
		String url = PageMeta.link(page, "canonical");
		if (url == null) {
			url = PageMeta.content(page, "og:url");
		}
		String published = jsonLd.published();
		if (published == null) {
			published = PageMeta.content(page, "article:published_time");
		}
		if (published == null) {
			published = timeOf(article);
		}
		String author = jsonLd.author() != null ? jsonLd.author() : PageMeta.content(page, "author");
		return new SourceDetails(url, published, author, siteName());
	}

	/** The first {@code <time>} inside the article, else the first on the page. */
	private String timeOf(Optional<Element> article) {
		if (article.isPresent()) {
			for (Dated time : times) {
				if (time.ancestors().stream().anyMatch(ancestor -> ancestor == article.get())) {
					return time.datetime();
				}
			}
		}
		return times.isEmpty() ? null : times.get(0).datetime();
	}

	/** A {@code <time>}'s value and where it sat before the page was cleaned. */
	private record Dated(String datetime, List<Element> ancestors) {
	}

}
