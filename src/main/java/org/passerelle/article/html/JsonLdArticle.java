package org.passerelle.article.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page's JSON-LD says about its article ({@code NewsArticle}, {@code Article}, {@code BlogPosting}...).
 *
 * @param published {@code datePublished} as written, or null
 * @param author the author names, comma-separated, or null
 * @param publisher {@code publisher.name}, or null
 * @param body {@code articleBody} as written (plain text, sometimes markup), or null
 */
record JsonLdArticle(String published, String author, String publisher, String body) {

	static final JsonLdArticle NONE = new JsonLdArticle(null, null, null, null);

	// sites hand-write their JSON-LD: trailing commas, comments and raw line breaks in strings are common
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
				JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	/** The first article node of the page's JSON-LD blocks; blocks that are not valid JSON are skipped. */
	static JsonLdArticle of(Document page) {
		List<JsonNode> nodes = new ArrayList<>();
		for (Element script : page.select("script[type]")) {
			if (script.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
				nodes.addAll(objectsOf(script.data()));
			}
		}
		Map<String, JsonNode> byId = new HashMap<>();
		for (JsonNode node : nodes) {
			String id = text(node.get("@id"));
			// a node that only points to another ("{"@id": ...}") must not shadow the node it points to
			if (id != null && node.size() > 1) {
				byId.putIfAbsent(id, node);
			}
		}
		for (JsonNode node : nodes) {
			if (isArticle(node)) {
				return new JsonLdArticle(text(node.get("datePublished")), joined(names(node.get("author"), byId)),
						joined(names(node.get("publisher"), byId)), articleBody(nodes));
			}
		}
		return NONE;
	}

	/** The longest {@code articleBody} of the page's article nodes: some pages split the article and its body. */
	private static String articleBody(List<JsonNode> nodes) {
		String longest = null;
		for (JsonNode node : nodes) {
			String body = isArticle(node) ? text(node.get("articleBody")) : null;
			if (body != null && (longest == null || body.length() > longest.length())) {
				longest = body;
			}
		}
		return longest;
	}

	/** Every object in one block, breadth first, so the page's own article comes before those it mentions. */
	private static List<JsonNode> objectsOf(String json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<JsonNode> objects = new ArrayList<>();
		Deque<JsonNode> pending = new ArrayDeque<>();
		pending.add(root);
		while (!pending.isEmpty()) {
			JsonNode node = pending.poll();
			if (node.isObject()) {
				objects.add(node);
			}
			if (node.isContainer()) {
				node.values().forEach(pending::add);
			}
		}
		return objects;
	}

	private static boolean isArticle(JsonNode node) {
		JsonNode type = node.get("@type");
		if (type == null) {
			return false;
		}
		for (JsonNode one : type.isArray() ? type.values() : List.of(type)) {
			String name = text(one);
			if (name != null) {
				// "NewsArticle", "schema:NewsArticle" and "https://schema.org/NewsArticle" are the same type
				String local = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
				if (local.endsWith("Article") || local.endsWith("BlogPosting")) {
					return true;
				}
			}
		}
		return false;
	}

	/** Names of a person or organisation: a string, an object with a name, a reference by @id, or a list of them. */
	private static Set<String> names(JsonNode node, Map<String, JsonNode> byId) {
		Set<String> names = new LinkedHashSet<>();
		if (node == null) {
			return names;
		}
		if (node.isArray()) {
			node.values().forEach(one -> names.addAll(names(one, byId)));
		}
		else if (node.isString()) {
			addIfPresent(names, node.asString());
		}
		else if (node.isObject()) {
			String name = text(node.get("name"));
			if (name == null && byId.containsKey(text(node.get("@id")))) {
				name = text(byId.get(text(node.get("@id"))).get("name"));
			}
			addIfPresent(names, name);
		}
		return names;
	}

	private static void addIfPresent(Set<String> names, String name) {
		if (name != null && !HtmlText.normalise(name).isEmpty()) {
			names.add(HtmlText.normalise(name));
		}
	}

	private static String joined(Set<String> names) {
		return names.isEmpty() ? null : String.join(", ", names);
	}

	/** A string value, the first of a list of them, or null. */
	private static String text(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isArray()) {
			return node.isEmpty() ? null : text(node.get(0));
		}
		if (!node.isString()) {
			return null;
		}
		String value = node.asString().strip();
		return value.isEmpty() ? null : value;
	}

}
