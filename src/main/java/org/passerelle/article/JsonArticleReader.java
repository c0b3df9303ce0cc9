package org.passerelle.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one article from the JSON a crawler wrote, in the field names news-please, trafilatura
 * ({@code --json}) and Scrapy feeds use: title from {@code title} or {@code headline}; the body from
 * {@code text}, {@code maintext}, {@code content} or {@code body} (paragraphs split on blank lines, or on
 * line breaks when there are none), or from a {@code paragraphs} array; and the URL, date, author and
 * source when present.
 */
public final class JsonArticleReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

	private static final Pattern LINE_BREAKS = Pattern.compile("\\R");

	/**
	 * @param json the record's text
	 * @param where how to name the record in an error: "line 12", "the file"
	 */
	public ExtractedArticle read(String json, String where) throws UnusableArticleException {
		JsonNode node;
		try {
			node = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new UnusableArticleException(null, where + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new UnusableArticleException(null, where + " is not a JSON object with an article's fields");
		}
		String title = firstText(node, "title", "headline");
		List<String> paragraphs = paragraphs(node);
		if (title == null && paragraphs.isEmpty()) {
			throw new UnusableArticleException(null, where + " has neither a title nor a text field "
					+ "(title/headline, text/maintext/content/body/paragraphs)");
		}
		String url = firstText(node, "url", "link", "canonical_url");
		String source = firstText(node, "source");
		if (source != null && source.startsWith("http")) {
			// trafilatura's "source" is the page's address, not the publication
			url = url == null ? source : url;
			source = null;
		}
		if (source == null) {
			source = firstText(node, "source_domain", "sitename", "hostname", "publisher");
		}
		SourceDetails details = new SourceDetails(url,
				firstText(node, "date_publish", "date", "datePublished", "published", "published_at", "pubDate"),
				authors(node), source);
		return new ExtractedArticle(title == null ? "" : title, paragraphs, details, "UTF-8");
	}

	private static List<String> paragraphs(JsonNode node) {
		List<String> paragraphs = new ArrayList<>();
		JsonNode array = node.get("paragraphs");
		if (array != null && array.isArray()) {
			array.forEach(paragraph -> paragraphs.add(paragraph.isString() ? paragraph.asString() : paragraph.path("text").asString("")));
			return paragraphs;
		}
		String body = firstText(node, "text", "maintext", "content", "body", "article");
		if (body == null) {
			return paragraphs;
		}
		Pattern separator = BLANK_LINES.matcher(body).find() ? BLANK_LINES : LINE_BREAKS;
		for (String paragraph : separator.split(body)) {
			if (!paragraph.isBlank()) {
				paragraphs.add(paragraph.strip());
			}
		}
		return paragraphs;
	}

	private static String authors(JsonNode node) {
		for (String field : List.of("authors", "author", "byline")) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			List<String> names = new ArrayList<>();
			for (JsonNode author : value.isArray() ? value : List.of(value)) {
				String name = author.isObject() ? author.path("name").asString("") : author.asString("");
				if (!name.isBlank()) {
					names.add(name.strip());
				}
			}
			if (!names.isEmpty()) {
				return String.join(", ", names);
			}
		}
		return null;
	}

	private static String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && value.isObject() && value.has("name")) {
				value = value.get("name");
			}
			if (value != null && (value.isString() || value.isNumber()) && !value.asString().isBlank()) {
				return value.asString().strip();
			}
		}
		return null;
	}

}
