package org.passerelle.memory;

import java.util.List;
import java.util.Objects;

/**
 * What the memory holds of one article.
 *
 * @param title the English title, or null when this title was never translated
 * @param paragraphs the English of each paragraph, null where it is new
 * @param summary the summary of exactly these paragraphs, or null
 * @param earlier the article most of its known paragraphs were last part of, when its summary could be
 * revised instead of written again; null when there is none
 */
public record Recall(String title, List<String> paragraphs, String summary, Earlier earlier) {

	public Recall {
		paragraphs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(paragraphs));
	}

	/** An earlier version of the article: its summary and the English of the paragraphs it had that this one lacks. */
	public record Earlier(String summary, List<String> removed) {

		public Earlier {
			removed = List.copyOf(removed);
		}

	}

	public static Recall nothing(int paragraphs) {
		return new Recall(null, java.util.Collections.nCopies(paragraphs, null), null, null);
	}

	/** How many paragraphs were found. */
	public int found() {
		return (int) paragraphs.stream().filter(Objects::nonNull).count();
	}

	/** Every paragraph, the title and the summary are known: the article costs nothing. */
	public boolean complete() {
		return title != null && summary != null && found() == paragraphs.size();
	}

	/** Nothing of the article is known: it is translated as a new one. */
	public boolean empty() {
		return found() == 0;
	}

}
