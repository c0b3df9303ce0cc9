package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.passerelle.article.Article;

/**
 * What of an article must still be translated when the translation memory holds the rest: the new
 * paragraphs, the title if it is new, and the earlier version's summary to revise with what it lost.
 * The context sent with them is the paragraph just before each run of new ones (as a long article's
 * parts get the end of the part before), and the first paragraph when the title is new: enough for
 * names, pronouns and terms, at a fraction of the whole text.
 *
 * @param paragraphs the indexes of the paragraphs to translate, in order
 * @param title whether the title must be translated
 * @param earlierSummary the English summary to revise
 * @param removed the English of the paragraphs the earlier version had and this one lacks
 */
public record ArticleChanges(List<Integer> paragraphs, boolean title, String earlierSummary, List<String> removed) {

	public ArticleChanges {
		paragraphs = List.copyOf(paragraphs);
		removed = List.copyOf(removed);
	}

	Payload payload(Article article) {
		return new Payload(article.title(), context(article), newParagraphs(article), earlierSummary, removed);
	}

	/** The French of the paragraphs to translate. */
	List<String> newParagraphs(Article article) {
		return paragraphs.stream().map(article.paragraphs()::get).toList();
	}

	/** The known paragraphs sent for context, in article order. */
	List<String> context(Article article) {
		java.util.SortedSet<Integer> indexes = new java.util.TreeSet<>();
		java.util.Set<Integer> fresh = new java.util.HashSet<>(paragraphs);
		for (int index : paragraphs) {
			if (index > 0 && !fresh.contains(index - 1)) {
				indexes.add(index - 1);
			}
		}
		if (title && !article.paragraphs().isEmpty() && !fresh.contains(0)) {
			indexes.add(0);
		}
		List<String> context = new ArrayList<>();
		indexes.forEach(index -> context.add(article.paragraphs().get(index)));
		return context;
	}

	/** Several articles' changes in one request. */
	record Together(List<Payload> articles) {
	}

	/** What the model sees; "paragraphs" always, even empty, the rest only when there is some. */
	record Payload(String title, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> context,
			List<String> paragraphs, @JsonInclude(JsonInclude.Include.NON_EMPTY) String earlierSummary,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> removed) {
	}

}
