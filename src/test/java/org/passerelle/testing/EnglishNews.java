package org.passerelle.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * A faithful English rendering of {@link TestArticles#NEWS_SENTENCES}, sentence for sentence, so a fake
 * provider can answer like a good translator (names, numbers and lengths kept) and a test can spoil one
 * thing and see that only it is flagged.
 */
public final class EnglishNews {

	/** The same sentences as {@link TestArticles#NEWS_SENTENCES}, in English, in the same order. */
	public static final List<String> SENTENCES = List.of(
			"On Tuesday the government presented a bill to reform the funding of local authorities.",
			"According to the ministry, nearly 35,000 municipalities would be affected by the new rules from next year.",
			"Mayors, gathered for their congress in Paris, greeted the text with a caution tinged with concern.",
			"\"We will not be able to keep public services going without extra resources,\" one of them said.",
			"The opposition denounces an improvised measure and calls for a thorough debate in the National Assembly.",
			"The economists consulted believe the impact on the budget will remain limited in the short term.",
			"In rural areas, local officials fear above all the closure of more schools and post offices.",
			"The Prime Minister promised talks with the associations of elected officials before the end of the month.",
			"The strike hit 40% of SNCF lines on Thursday, according to the company's management.",
			"In Marseille, the prefecture counted 1,200 demonstrators in the early afternoon.");

	/** A summary of any article made of those sentences: it names a place, as a summary should. */
	public static final String SUMMARY = "Mayors gathered in Paris fear the government's bill on local funding.";

	private EnglishNews() {
	}

	/** Each French sentence of the text replaced by its English; what is not one of them is left as it is. */
	public static String translate(String french) {
		String english = french;
		for (int i = 0; i < SENTENCES.size(); i++) {
			english = english.replace(TestArticles.NEWS_SENTENCES.get(i), SENTENCES.get(i));
		}
		return english;
	}

	/**
	 * Answers a translation request as a careful translator would, with {@code titles} for the titles;
	 * {@code spoil} may change one English paragraph, given its French.
	 */
	public static Function<JsonNode, Object> translator(Map<String, String> titles,
			java.util.function.BiFunction<String, String, String> spoil) {
		return article -> {
			if (article.has("notes")) {
				return Map.of("summary", SUMMARY);
			}
			List<String> paragraphs = new ArrayList<>();
			for (JsonNode paragraph : article.get("paragraphs")) {
				String french = paragraph.asString();
				paragraphs.add(spoil.apply(french, translate(french)));
			}
			Map<String, Object> answer = new LinkedHashMap<>();
			String title = article.get("title").asString();
			answer.put("title", titles.getOrDefault(title, translate(title)));
			answer.put("paragraphs", paragraphs);
			answer.put("summary", article.has("before") ? "Notes on this part, in English." : SUMMARY);
			return answer;
		};
	}

}
