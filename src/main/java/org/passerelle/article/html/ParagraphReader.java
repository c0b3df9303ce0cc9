package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Reads the paragraphs of an article's element in order: {@code <p>}, list items and subheads
 * ({@code <h2>}-{@code <h6>}), minus empty ones, link-only ones and the sites' fixed phrases
 * ("Lire aussi", "Abonnez-vous", paywall and share-bar wording).
 */
final class ParagraphReader {

	private static final String BLOCKS = "p, li, h2, h3, h4, h5, h6";

	/** A paragraph more than half made of link text is a link to another article, not part of this one. */
	private static final double MAX_LINK_DENSITY = 0.5;

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

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
			"(publié|mis à jour|modifié) le [^.]{0,50}");

	private ParagraphReader() {
	}

	static List<String> read(Element container, String title) {
		List<String> paragraphs = new ArrayList<>();
		for (Element block : container.select(BLOCKS)) {
			if (isTeaserInside(block, container) || holdsOtherBlocks(block)) {
				continue;
			}
			String text = HtmlText.of(block);
			if (WORD.matcher(text).find() && !text.equals(title) && !isFixedPhrase(text)
					&& HtmlText.linkDensity(block) <= MAX_LINK_DENSITY) {
				paragraphs.add(text);
			}
		}
		return paragraphs;
	}

	/** An {@code <article>} nested in the article is an embedded card for another story. */
	private static boolean isTeaserInside(Element block, Element container) {
		for (Element parent = block.parent(); parent != null && parent != container; parent = parent.parent()) {
			if (parent.nameIs("article")) {
				return true;
			}
		}
		return false;
	}

	/** A list item holding paragraphs or a sublist is read through those, not as one block. */
	private static boolean holdsOtherBlocks(Element block) {
		return block.nameIs("li") && block.select(BLOCKS).size() > 1;
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
