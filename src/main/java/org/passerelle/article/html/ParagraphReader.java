package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Reads the paragraphs of an article's element in order: its text blocks (paragraphs, list items,
 * subheads, text between {@code <br>}s), minus empty ones, link-heavy ones, teaser cards, the headline,
 * the sites' fixed phrases ("Lire aussi", "Abonnez-vous", "Advertisement"...), and the labels (byline,
 * date, tags) that come before the first sentence or after the last.
 */
final class ParagraphReader {

	/** A paragraph more than half made of link text is a link to another article, not part of this one. */
	private static final double MAX_LINK_DENSITY = 0.5;

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}|\\p{IsIdeographic}");

	/** Shorter lines may come back on purpose (the same subhead under each day of a menu). */
	private static final int REPEAT_CHARS = 150;

	private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");

	private static final List<Pattern> FIXED_PHRASES = compile(
			"(à |a )?lire (aussi|également)\\b.*",
			"(voir|regarder|écouter) aussi\\b.*",
			"sur le même sujet\\b.*",
			"abonnez-vous\\b.*",
			"déjà abonné.*",
			"(cet )?article réservé (aux|à nos) abonnés.*",
			"il vous reste [\\d.,]+ ?%.*",
			"la suite est réservée aux abonnés.*",
			"publicité",
			"partager( sur [^.]{1,30})?( ?:)?",
			"(envoyer par e-mail|copier le lien)",
			// a date line: short, and made mostly of the date
			"(publié|mis à jour|modifié) le [^.]{0,50}",
			// the same labels on English pages
			"(read|see|watch|listen) (more|also|next)\\b.{0,120}",
			"(more|related)( stories| coverage| articles?)?:.{0,120}",
			"advertisement|sponsored|ad|story continues below( advertisement)?",
			"(sign up|subscribe)( now)?( to| for)\\b.{0,150}",
			"share (this|on)\\b.{0,40}",
			"(published|updated|posted) (on |at )?[^.]{0,50}",
			"photo:.{0,80}|image:.{0,80}|credit:.{0,80}");

	private ParagraphReader() {
	}

	static List<String> read(ContentLocator locator, Element container, String title) {
		List<TextBlock> kept = new ArrayList<>();
		for (TextBlock block : locator.blocks()) {
			if (isInside(block.owner(), container) && keeps(locator, block, title)) {
				kept.add(block);
			}
		}
		int first = 0;
		while (first < kept.size() && !kept.get(first).isProse()) {
			first++;
		}
		int last = kept.size() - 1;
		while (last > first && !kept.get(last).isProse()) {
			last--;
		}
		List<String> paragraphs = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Shingles sofar = Shingles.of("");
		for (int i = first; i <= last; i++) {
			String text = kept.get(i).text();
			Shingles own = Shingles.of(text);
			// a summary or pull quote that repeats what was read already is said once
			boolean repeat = text.length() >= REPEAT_CHARS && (!seen.add(text) || own.coveredBy(sofar) >= 0.8);
			if (!repeat) {
				paragraphs.add(text);
				sofar.addAll(own);
			}
		}
		return paragraphs;
	}

	private static boolean keeps(ContentLocator locator, TextBlock block, String title) {
		String text = block.text();
		return !block.tag().equals("h1") && !locator.isTeaser(block) && WORD.matcher(text).find() && !text.equals(title)
				&& !URL.matcher(text).matches()
				&& block.linkDensity() <= MAX_LINK_DENSITY && !isFixedPhrase(text);
	}

	static boolean isInside(Element element, Element container) {
		for (Element at = element; at != null; at = at.parent()) {
			if (at == container) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFixedPhrase(String text) {
		for (Pattern phrase : FIXED_PHRASES) {
			if (phrase.matcher(text).matches()) {
				return true;
			}
		}
		return false;
	}

	private static List<Pattern> compile(String... phrases) {
		List<Pattern> patterns = new ArrayList<>();
		for (String phrase : phrases) {
			patterns.add(Pattern.compile(phrase, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
		}
		return List.copyOf(patterns);
	}

}
