package org.passerelle.article.html;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the element of a cleaned page that holds the article: the subtree that gains the most sentence
 * text for the least boilerplate (links, labels, teaser cards), checked against the page's own mark of
 * its body ({@code itemprop=articleBody}), then widened to its landmark ({@code <article>},
 * {@code <main>}) when that costs little.
 */
final class ContentLocator {

	/** Below this much sentence text a page has no article: a login wall, a list of teasers. */
	static final int MIN_ARTICLE_CHARS = 200;

	/** A page that declares itself an article (JSON-LD, {@code og:type}) may be a brief of two short paragraphs. */
	static final int MIN_DECLARED_ARTICLE_CHARS = 100;

	/** A landmark around the best block is taken when it keeps this share of the block's score. */
	private static final double LANDMARK_SHARE = 0.9;

	/** What a teaser card may hold: a linked headline and a sentence or two. */
	private static final int MAX_TEASER_PROSE = 2;

	private static final Pattern CONTENT_NAME = Pattern.compile(
			"article|story|entry|post|content|body|text|main|chapo|lead|contenu|corps|texte");

	private final List<TextBlock> blocks;

	private final Map<Element, Stats> stats = new IdentityHashMap<>();

	private final Map<TextBlock, Boolean> teasers = new IdentityHashMap<>();

	private final Element root;

	/** Locates on a page whose teaser cards are still whole (nothing cleaned but scripts and styles). */
	ContentLocator(Document page) {
		this(page, linkedHeadings(page));
	}

	/**
	 * Locates on a cleaned page, with the linked headlines counted before cleaning: the cleaning drops
	 * the {@code <header>} of a teaser card, and with it the sign that the card is one.
	 */
	ContentLocator(Document page, Map<Element, Integer> linkedHeadings) {
		this.root = page.body();
		this.blocks = TextBlocks.of(root);
		linkedHeadings.forEach((element, count) -> stats.computeIfAbsent(element, key -> new Stats()).linkedHeadings = count);
		for (TextBlock block : blocks) {
			if (block.isProse()) {
				climb(block.owner(), 4, stats -> stats.proseBlocks++);
			}
		}
		for (TextBlock block : blocks) {
			boolean teaser = isInTeaserCard(block);
			teasers.put(block, teaser);
			double good = (block.isProse() || block.hasProseBesideLinks()) && !teaser ? block.plainChars() : 0;
			double bad = good > 0 ? block.linkChars() : block.linkChars() + 0.3 * block.plainChars();
			for (Element at = block.owner(); at != null; at = at.parent()) {
				Stats s = stats.computeIfAbsent(at, key -> new Stats());
				s.good += good;
				s.bad += bad;
			}
		}
	}

	List<TextBlock> blocks() {
		return blocks;
	}

	boolean isTeaser(TextBlock block) {
		return teasers.getOrDefault(block, false);
	}

	/** The article's element, if some block holds at least that many characters of sentence text. */
	Optional<Element> locate(int minChars) {
		Element best = null;
		double bestScore = 0;
		// in document order, so that a tie goes to the outer block and every run picks the same one
		for (Element candidate : root.getAllElements()) {
			Stats s = stats.get(candidate);
			if (s == null || s.good < minChars) {
				continue;
			}
			double score = score(candidate, s);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		// the page's own mark of its body wins when it holds a fair share of the text found
		for (Element marked : root.select("[itemprop=articleBody], [property=articleBody]")) {
			if (good(marked) >= minChars / 2.0 && good(marked) >= 0.3 * good(best)
					&& !ParagraphReader.isInside(marked, best)) {
				best = marked;
				bestScore = score(marked, stats.get(marked));
				break;
			}
		}
		for (Element parent = best.parent(); parent != null && parent != root; parent = parent.parent()) {
			if (isLandmark(parent) && score(parent, stats.get(parent)) >= LANDMARK_SHARE * bestScore) {
				best = parent;
				break;
			}
		}
		return Optional.of(best);
	}

	double good(Element element) {
		Stats s = stats.get(element);
		return s == null ? 0 : s.good;
	}

	private static double score(Element element, Stats s) {
		double score = s.good - s.bad;
		// a container named as content wins a near tie against its wrapper
		String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
		return CONTENT_NAME.matcher(names).find() || isLandmark(element) ? score * 1.05 : score;
	}

	private static boolean isLandmark(Element element) {
		return element.nameIs("article") || element.nameIs("main") || element.attr("itemprop").equalsIgnoreCase("articleBody")
				|| element.attr("role").equalsIgnoreCase("main");
	}

	/** How many headings that are links (the headlines of teaser cards) each element holds, three levels down. */
	static Map<Element, Integer> linkedHeadings(Document page) {
		Map<Element, Integer> counts = new IdentityHashMap<>();
		for (Element heading : page.body().select("h1, h2, h3, h4, h5, h6")) {
			if (heading.closest("a") != null || HtmlText.linkDensity(heading) > 0.5) {
				int level = 0;
				for (Element at = heading; at != null && level < 3; at = at.parent(), level++) {
					counts.merge(at, 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	/**
	 * A block that shares a small card with a linked headline is a teaser for another page, as is a list
	 * item that opens with a headline-long link.
	 */
	private boolean isInTeaserCard(TextBlock block) {
		if (block.tag().equals("li") && opensWithHeadlineLink(block.owner())) {
			return true;
		}
		int level = 0;
		for (Element at = block.owner(); at != null && at != root && level < 3; at = at.parent(), level++) {
			Stats s = stats.get(at);
			if (s != null && s.linkedHeadings > 0) {
				return s.proseBlocks <= MAX_TEASER_PROSE;
			}
		}
		return false;
	}

	private static boolean opensWithHeadlineLink(Element item) {
		Element link = item.selectFirst("a");
		if (link == null) {
			return false;
		}
		String linked = HtmlText.of(link);
		String text = HtmlText.of(item);
		if (linked.length() < 25 || linked.length() >= text.length() - 20 || !text.startsWith(linked)) {
			return false;
		}
		// a headline has no full stop, a linked sentence has one; an excerpt is cut short
		char after = text.charAt(linked.length());
		boolean sentence = linked.endsWith(".") || after == '.' || after == '!' || after == '?';
		return !sentence || text.endsWith("...") || text.endsWith("…");
	}

	private void climb(Element from, int levels, Consumer<Stats> change) {
		int level = 0;
		for (Element at = from; at != null && level < levels; at = at.parent(), level++) {
			change.accept(stats.computeIfAbsent(at, key -> new Stats()));
		}
	}

	/** Sentence text, boilerplate text, and what a teaser card is made of, under one element. */
	private static final class Stats {

		double good;

		double bad;

		int proseBlocks;

		int linkedHeadings;

	}

}
