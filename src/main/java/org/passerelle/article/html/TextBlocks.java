package org.passerelle.article.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts a page into {@link TextBlock}s in reading order. A paragraph, heading or list item with no block
 * inside is one block; anything else is read through: the text it holds directly (bodies written as text
 * and {@code <br>} in a {@code <div>}, with no {@code <p>}) becomes one block per run between
 * {@code <br>}s and child blocks.
 */
final class TextBlocks {

	/** Elements that are read as one block when they hold no other block. */
	private static final Set<String> LEAF_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt",
			"pre", "blockquote", "td", "th", "caption", "address");

	/** Elements that flow inside a line of text. */
	private static final Set<String> INLINE = Set.of("a", "span", "em", "strong", "b", "i", "u", "s", "small", "big",
			"font", "sup", "sub", "abbr", "acronym", "cite", "code", "q", "mark", "time", "var", "kbd", "samp", "dfn",
			"ins", "del", "bdi", "bdo", "wbr", "tt", "strike", "data", "label", "nobr", "img", "picture");

	private TextBlocks() {
	}

	static List<TextBlock> of(Element root) {
		List<TextBlock> blocks = new ArrayList<>();
		read(root, blocks);
		return blocks;
	}

	private static void read(Element element, List<TextBlock> blocks) {
		String tag = element.normalName();
		if (LEAF_BLOCKS.contains(tag) && !holdsBlocks(element)) {
			add(blocks, element, HtmlText.of(element), linkChars(element), tag);
			return;
		}
		Run run = new Run(element);
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text) {
				run.append(text.getWholeText(), element.closest("a") != null);
			}
			else if (child instanceof Element inner) {
				String name = inner.normalName();
				if (name.equals("br") || name.equals("hr")) {
					run.flush(blocks);
				}
				else if (INLINE.contains(name) && !holdsBlocks(inner)) {
					String text = inner.text();
					run.append(" ".repeat(startsWithSpace(inner) ? 1 : 0) + text, false);
					run.linked(name.equals("a") || inner.closest("a") != null ? text.length() : linkChars(inner));
					if (inner.select("br").size() > 1) {
						// a span of lines: its own blocks, one per line
						run.flush(blocks);
					}
				}
				else {
					run.flush(blocks);
					read(inner, blocks);
				}
			}
		}
		run.flush(blocks);
	}

	private static boolean startsWithSpace(Element inline) {
		Node before = inline.previousSibling();
		return before == null || !(before instanceof TextNode text) || text.getWholeText().endsWith(" ")
				|| inline.normalName().equals("img");
	}

	/** Whether an element holds another block (a {@code <div>}, a paragraph, a list...), so is not one block itself. */
	private static boolean holdsBlocks(Element element) {
		for (Element child : element.children()) {
			String name = child.normalName();
			if ((!INLINE.contains(name) && !name.equals("br")) || holdsBlocks(child)) {
				return true;
			}
		}
		return false;
	}

	private static int linkChars(Element element) {
		if (element.closest("a") != null) {
			return element.text().length();
		}
		int linked = 0;
		for (Element link : element.getElementsByTag("a")) {
			linked += link.text().length();
		}
		return linked;
	}

	private static void add(List<TextBlock> blocks, Element owner, String text, int linkChars, String tag) {
		if (!text.isEmpty()) {
			blocks.add(new TextBlock(owner, text, Math.min(linkChars, text.length()), tag));
		}
	}

	/** Text a container holds directly, gathered until a {@code <br>} or a child block ends it. */
	private static final class Run {

		private final Element owner;

		private final StringBuilder text = new StringBuilder();

		private int linked;

		Run(Element owner) {
			this.owner = owner;
		}

		void append(String more, boolean isLink) {
			text.append(more);
			if (isLink) {
				linked += HtmlText.normalise(more).length();
			}
		}

		void linked(int chars) {
			linked += chars;
		}

		void flush(List<TextBlock> blocks) {
			String normalised = HtmlText.normalise(text.toString());
			add(blocks, owner, normalised, linked, "#run");
			text.setLength(0);
			linked = 0;
		}

	}

}
