package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes what is never article text from a page's body: scripts and styles first, then navigation,
 * asides, footers, figures and their captions, forms, and blocks whose class, id or role names them a
 * menu, an ad, a share bar, related links, comments, a cookie banner, a newsletter box, a paywall, a
 * byline or an embedded post. A block is kept, whatever its name, when it holds most of the page's
 * sentence text or the headline: sites wrap whole articles in {@code <form>}s or in
 * {@code <div class="has-sidebar">}.
 */
final class PageCleaner {

	private static final Set<String> NEVER_TEXT = Set.of("script", "style", "template", "iframe", "object", "embed",
			"svg", "canvas", "button", "input", "select", "textarea", "dialog", "figcaption");

	// microdata that repeats the publisher's card or the keywords
	private static final Set<String> NEVER_TEXT_ITEMPROP = Set.of("publisher", "keywords");

	private static final String STRUCTURAL = "nav, aside, footer, header, figure, form, menu";

	// parts of class or id names, matched anywhere in them: "c-share-bar", "relatedArticles"
	private static final String[] BOILERPLATE_NAME = { "cookie", "consent", "gdpr", "rgpd", "didomi", "popup",
			"modal", "share", "sharing", "partage", "social", "related", "recommend", "lire-aussi", "read-also", "readmore",
			"read-more", "more-stories", "comment", "newsletter", "infolettre", "subscribe", "subscription", "abonnement",
			"paywall", "promo", "sidebar", "widget", "menu", "breadcrumb", "outbrain", "taboola", "byline", "author",
			"signature", "tweet", "instagram", "tiktok", "embed", "caption", "credit", "disclaimer", "copyright", "toolbar",
			"pagination", "masthead", "tags-list", "tag-list", "keywords", "trending", "most-popular", "popular" };

	// short words only count whole: "ad-slot" and "pub" are ads, "header" and "publication" are not
	private static final Pattern AD_NAME = Pattern
		.compile("(?<![a-z0-9])(ad|ads|advert\\w*|pub|publicite|dfp|sponsor\\w*|banner)(?![a-z])");

	private static final Pattern BOILERPLATE_ROLE = Pattern
		.compile("navigation|complementary|contentinfo|banner|dialog|alertdialog|search|menu|menubar");

	/** A {@code <noscript>} with less text than this only asks for JavaScript or holds a tracking pixel. */
	private static final int NOSCRIPT_BODY_CHARS = 200;

	// labels around a story, named as whole words: "news__heading__meta", "post-date", but not "metadata-free"
	private static final Pattern LABEL_NAME = Pattern
		.compile("(?<![a-z])(meta|date|dateline|timestamp|byline|kicker|eyebrow|tags)(?![a-z])");

	/** A block holding this share of the page's sentence text is the article or wraps it, whatever its name. */
	private static final double ARTICLE_SHARE = 0.5;

	private PageCleaner() {
	}

	/** Drops scripts, styles and hidden blocks only: what no reading of the page keeps. */
	static void removeNeverText(Document page) {
		List<Element> never = new ArrayList<>();
		for (Element element : page.body().getAllElements()) {
			if (NEVER_TEXT.contains(element.normalName()) || isHidden(element)
					|| (element.hasAttr("itemprop") && NEVER_TEXT_ITEMPROP.contains(element.attr("itemprop")))) {
				never.add(element);
			}
		}
		never.forEach(PageCleaner::remove);
		// a <noscript> is a fallback for a script: its "enable JavaScript" line goes, a whole body in it stays
		for (Element noscript : page.body().select("noscript")) {
			if (HtmlText.of(noscript).length() < NOSCRIPT_BODY_CHARS) {
				remove(noscript);
			}
		}
	}

	/** Drops the page's boilerplate by tag, name and role, keeping whatever holds the article. */
	static void removeBoilerplate(Document page) {
		Map<Element, Integer> prose = proseByElement(page);
		int total = prose.getOrDefault(page.body(), 0);
		Set<Element> holdHeadline = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Element marked : page.body().select("h1, [itemprop=articleBody]")) {
			holdHeadline.addAll(marked.parents());
		}
		for (Element element : page.body().select(STRUCTURAL)) {
			removeUnlessItHoldsTheArticle(element, prose, total, holdHeadline);
		}
		// pages repeat the same few class names on thousands of elements: judge each name once
		Map<String, Boolean> judged = new HashMap<>();
		for (Element element : page.body().getAllElements()) {
			if (element.parent() != null && (element.hasAttr("class") || element.hasAttr("id") || element.hasAttr("role"))
					&& judged.computeIfAbsent(element.className() + '\u0000' + element.id() + '\u0000' + element.attr("role"),
							key -> isBoilerplateByName(element))) {
				removeUnlessItHoldsTheArticle(element, prose, total, holdHeadline);
			}
		}
	}

	/** Hidden by attribute or by inline style: what a reader never sees. */
	private static boolean isHidden(Element element) {
		if (element.hasAttr("hidden") || element.attr("aria-hidden").equals("true")) {
			return true;
		}
		if (!element.hasAttr("style")) {
			return false;
		}
		String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
		return style.contains("display:none") || style.contains("visibility:hidden");
	}

	static boolean isBoilerplateByName(Element element) {
		if (!element.hasAttr("class") && !element.hasAttr("id") && !element.hasAttr("role")) {
			return false;
		}
		String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
		return containsAny(names, BOILERPLATE_NAME) || AD_NAME.matcher(names).find() || LABEL_NAME.matcher(names).find()
				|| BOILERPLATE_ROLE.matcher(element.attr("role").toLowerCase(Locale.ROOT)).matches();
	}

	private static boolean containsAny(String names, String[] parts) {
		for (String part : parts) {
			if (names.contains(part)) {
				return true;
			}
		}
		return false;
	}

	/** Characters of sentence text under each element. */
	private static Map<Element, Integer> proseByElement(Document page) {
		Map<Element, Integer> prose = new IdentityHashMap<>();
		for (TextBlock block : TextBlocks.of(page.body())) {
			if (block.isProse()) {
				for (Element at = block.owner(); at != null; at = at.parent()) {
					prose.merge(at, block.plainChars(), Integer::sum);
				}
			}
		}
		return prose;
	}

	private static void removeUnlessItHoldsTheArticle(Element element, Map<Element, Integer> prose, int total,
			Set<Element> holdHeadline) {
		if (element.parent() == null || element.nameIs("body") || element.nameIs("html")) {
			return;
		}
		boolean holdsArticle = total > 0 && prose.getOrDefault(element, 0) >= ARTICLE_SHARE * total;
		boolean isHeadline = element.nameIs("h1") || element.attr("itemprop").equals("articleBody");
		if (!holdsArticle && !isHeadline && !holdHeadline.contains(element)) {
			element.remove();
		}
	}

	private static void remove(Element element) {
		if (element.parent() != null && !element.nameIs("body") && !element.nameIs("html")) {
			element.remove();
		}
	}

}
