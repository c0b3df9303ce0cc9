package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;

/**
 * Cross-checks the body found in the markup against the page's own {@code articleBody} (JSON-LD). When
 * the markup's body holds little of it, the page's blocks that it contains are the article, in their own
 * paragraphs; when the markup holds none of it (a body written by script), the structured text is.
 */
final class StructuredBody {

	/** Fewer words than this is a description, not a body, and says nothing about where the body is. */
	private static final int MIN_WORDS = 80;

	/** The markup's body holds at least this share of the structured one: they agree. */
	private static final double AGREES = 0.4;

	/** A block is part of the structured body when this share of its runs of words are in it. */
	private static final double BLOCK_IN_BODY = 0.6;

	private StructuredBody() {
	}

	/** The structured body as plain paragraphs, or an empty list when the page has none worth reading. */
	static List<String> paragraphs(String articleBody) {
		if (articleBody == null) {
			return List.of();
		}
		String text = articleBody.indexOf('<') >= 0 ? Jsoup.parse(articleBody).body().wholeText() : articleBody;
		List<String> paragraphs = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String paragraph = HtmlText.normalise(line);
			if (!paragraph.isEmpty()) {
				paragraphs.add(paragraph);
			}
		}
		int words = 0;
		for (String paragraph : paragraphs) {
			words += paragraph.split(" ").length;
		}
		return words >= MIN_WORDS ? paragraphs : List.of();
	}

	/**
	 * The paragraphs to keep: the markup's when they agree with the structured body (or there is none),
	 * else the page's blocks that the structured body holds, else the structured body itself.
	 */
	static List<String> checked(List<String> found, List<String> structured, List<TextBlock> pageBlocks) {
		if (structured.isEmpty()) {
			return found;
		}
		Shingles expected = Shingles.of(String.join("\n", structured));
		if (!found.isEmpty() && expected.coveredBy(Shingles.of(String.join("\n", found))) >= AGREES) {
			return found;
		}
		List<String> matching = new ArrayList<>();
		for (TextBlock block : pageBlocks) {
			Shingles own = Shingles.of(block.text());
			if (own.size() > 0 && own.coveredBy(expected) >= BLOCK_IN_BODY && !matching.contains(block.text())) {
				matching.add(block.text());
			}
		}
		if (!matching.isEmpty() && expected.coveredBy(Shingles.of(String.join("\n", matching))) >= 0.7) {
			return matching;
		}
		return structured;
	}

}
