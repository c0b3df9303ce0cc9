package org.passerelle.article.html;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Says why a page holds no article, so that the editor reading the failure knows what the page was. */
final class NoArticle {

	/** A page with this many linked headlines and no body is a home or section page. */
	private static final int TEASER_LIST = 3;

	private NoArticle() {
	}

	/** A password field: the page is a login or subscription wall (read before cleaning drops forms). */
	static boolean asksToSignIn(Document page) {
		return page.body().selectFirst("input[type=password]") != null;
	}

	static String reason(Map<Element, Integer> linkedHeadings, boolean signIn, ContentLocator locator) {
		if (signIn) {
			return "a login or subscription wall (the page asks for a password, the story is not in it)";
		}
		long headlines = linkedHeadings.keySet().stream().filter(element -> element.normalName().matches("h[1-6]")).count();
		if (headlines >= TEASER_LIST) {
			return "only a list of " + headlines + " linked headlines (a home or section page?)";
		}
		int prose = 0;
		for (TextBlock block : locator.blocks()) {
			if (block.isProse()) {
				prose += block.plainChars();
			}
		}
		return prose == 0 ? "no sentence of text (an image, a video or a page its scripts would fill?)"
				: "only " + prose + " characters of sentence text, too little for an article";
	}

}
