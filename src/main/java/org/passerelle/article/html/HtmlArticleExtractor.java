package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.passerelle.article.ExtractedArticle;

/**
 * Finds the article in a saved news page: its title, its paragraphs in order without the page's
 * navigation, ads, share bars, related links, comments and banners, and what the page says of its
 * source. Odd or broken HTML gives what can be found, possibly an empty title and no paragraphs.
 *
 * <p>Several signals find the body and check one another: the densest block of sentence text (scored
 * against its links and labels), the {@code <article>}/{@code <main>} landmarks around it, and the
 * page's own structured data ({@code articleBody}). When the cleaned page yields nothing, the page is
 * read again without its name-based cleaning before giving up.
 */
public final class HtmlArticleExtractor {

	/** The article of a page saved as it was served, whatever its charset. */
	public ExtractedArticle extract(byte[] html) {
		HtmlCharset.Decoded decoded = HtmlCharset.decode(html == null ? new byte[0] : html);
		Document page = Jsoup.parse(decoded.text());
		PageDetails details = new PageDetails(page);
		boolean signIn = NoArticle.asksToSignIn(page);
		PageCleaner.removeNeverText(page);
		Map<Element, Integer> linkedHeadings = ContentLocator.linkedHeadings(page);
		PageCleaner.removeBoilerplate(page);
		Reading reading = read(page, details, new ContentLocator(page, linkedHeadings));
		if (reading.paragraphs().isEmpty()) {
			// the names misled the cleaning (a whole article in a block named "share-wrapper"): trust the text
			Document uncleaned = Jsoup.parse(decoded.text());
			PageCleaner.removeNeverText(uncleaned);
			Reading again = read(uncleaned, details, new ContentLocator(uncleaned));
			if (!again.paragraphs().isEmpty()) {
				reading = again;
			}
		}
		List<String> structured = StructuredBody.paragraphs(details.structuredBody());
		List<String> paragraphs = StructuredBody.checked(reading.paragraphs(), structured, reading.locator().blocks());
		String noArticle = paragraphs.isEmpty() ? NoArticle.reason(linkedHeadings, signIn, reading.locator()) : null;
		return new ExtractedArticle(reading.title(), paragraphs, details.details(reading.article()),
				decoded.charset().name(), noArticle);
	}

	private record Reading(String title, List<String> paragraphs, Optional<Element> article, ContentLocator locator) {
	}

	private static Reading read(Document page, PageDetails details, ContentLocator locator) {
		Optional<Element> article = locator.locate(details.declaresArticle() ? ContentLocator.MIN_DECLARED_ARTICLE_CHARS
				: ContentLocator.MIN_ARTICLE_CHARS);
		Optional<Element> headline = article.flatMap(found -> PageTitle.headline(page, found, details.siteName()));
		String title = PageTitle.of(page, headline, details.siteName());
		List<String> paragraphs = new ArrayList<>();
		if (article.isPresent()) {
			paragraphs.addAll(ParagraphReader.read(locator, article.get(), title));
			// a headline outside the body's element may have a standfirst between the two
			headline.filter(h1 -> h1.parents().stream().noneMatch(parent -> parent == article.get()))
				.flatMap(h1 -> Standfirst.between(page, h1, article.get()))
				.filter(standfirst -> !paragraphs.contains(standfirst))
				.ifPresent(standfirst -> paragraphs.add(0, standfirst));
		}
		return new Reading(title, paragraphs, article, locator);
	}

}
