package org.passerelle.article.html;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes what is never article text from a page's body: scripts, navigation, asides, footers, figures
 * and their captions, forms, and blocks whose class, id or role names them a menu, an ad, a share bar,
 * related links, comments, a cookie banner, a newsletter box, a paywall, a byline or an embedded post.
 */
final class PageCleaner {

	private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
			+ "form, button, input, select, textarea, label, nav, aside, footer, header, figure, figcaption, dialog, menu, "
			+ "[hidden], [aria-hidden=true]";

	private static final Pattern BOILERPLATE_NAME = Pattern.compile("cookie|consent|gdpr|rgpd|didomi|popup|modal"
			+ "|share|sharing|partage|social|related|recommend|lire-aussi|read-also|comment|newsletter|infolettre"
			+ "|subscribe|abonnement|paywall|promo|sidebar|widget|menu|breadcrumb|outbrain|taboola|byline|author|signature"
			+ "|tweet|instagram|tiktok|embed");

	// short words only count whole: "ad-slot" and "pub" are ads, "header" and "publication" are not
	private static final Pattern AD_NAME = Pattern
		.compile("(?<![a-z0-9])(ad|ads|advert\\w*|pub|publicite|dfp|sponsor\\w*)(?![a-z])");

	private static final Pattern BOILERPLATE_ROLE = Pattern
		.compile("navigation|complementary|contentinfo|banner|dialog|alertdialog|search");

	private PageCleaner() {
	}

	static void clean(Document page) {
		for (Element element : page.body().select(NEVER_TEXT)) {
			removeUnlessItHoldsTheArticle(element);
		}
		for (Element element : page.body().getAllElements()) {
			if (isBoilerplateByName(element)) {
				removeUnlessItHoldsTheArticle(element);
			}
		}
	}

	private static boolean isBoilerplateByName(Element element) {
		String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
		return BOILERPLATE_NAME.matcher(names).find() || AD_NAME.matcher(names).find()
				|| BOILERPLATE_ROLE.matcher(element.attr("role").toLowerCase(Locale.ROOT)).matches();
	}

	/**
	 * A wrapper named "has-sidebar" or an article header holding the headline must stay: only blocks
	 * without the headline or the marked-up article body are dropped.
	 */
	private static void removeUnlessItHoldsTheArticle(Element element) {
		if (element.parent() == null || element.nameIs("body") || element.nameIs("html")) {
			return;
		}
		if (element.selectFirst("h1, [itemprop=articleBody]") == null) {
			element.remove();
		}
	}

}
