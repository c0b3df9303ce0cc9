package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.passerelle.article.ExtractedArticle;

/**
 * Finds the article in a saved news page: its title, its paragraphs in order without the page's
 * navigation, ads, share bars, related links, comments and banners, and what the page says of its
 * source. Odd or broken HTML gives what can be found, possibly an empty title and no paragraphs.
 */
public final class HtmlArticleExtractor {

	/** The article of a page saved as it was served, whatever its charset. */
	public ExtractedArticle extract(byte[] html) {
		HtmlCharset.Decoded decoded = HtmlCharset.decode(html == null ? new byte[0] : html);
		Document page = Jsoup.parse(decoded.text());
		PageDetails details = new PageDetails(page);
		PageCleaner.clean(page);
		Optional<Element> article = ContentLocator.locate(page);
		Optional<Element> headline = article.flatMap(found -> PageTitle.headline(page, found, details.siteName()));
		String title = PageTitle.of(page, headline, details.siteName());
		List<String> paragraphs = new ArrayList<>();
		if (article.isPresent()) {
			paragraphs.addAll(ParagraphReader.read(article.get(), title));
			// a headline outside the body's element may have a standfirst between the two
			headline.filter(h1 -> h1.parents().stream().noneMatch(parent -> parent == article.get()))
				.flatMap(h1 -> Standfirst.between(page, h1, article.get()))
				.filter(standfirst -> !paragraphs.contains(standfirst))
				.ifPresent(standfirst -> paragraphs.add(0, standfirst));
		}
		return new ExtractedArticle(title, paragraphs, details.details(article), decoded.charset().name());
	}

}
