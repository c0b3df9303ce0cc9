package org.passerelle.llm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.langchain4j.model.input.PromptTemplate;
import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;

/**
 * The glossary part of a translation prompt: the entries the request's text uses, one a line, and on
 * a second attempt the ones the first answer missed. Empty when the text uses no entry, so a large
 * glossary costs nothing for articles that use none of it.
 */
final class GlossaryPrompt {

	private static final PromptTemplate GLOSSARY = PromptTemplate.from(PromptVersion.text(ArticleTranslator.GLOSSARY));

	private static final PromptTemplate RETRY = PromptTemplate.from(PromptVersion.text(ArticleTranslator.GLOSSARY_RETRY));

	private GlossaryPrompt() {
	}

	static String of(GlossaryTerms terms) {
		return of(terms, List.of());
	}

	static String of(GlossaryTerms terms, List<GlossaryEntry> missed) {
		if (terms.isEmpty()) {
			return "";
		}
		String entries = terms.entries().stream()
			.map(entry -> "- " + entry.french() + " → " + entry.english() + (entry.note() == null ? "" : " (" + entry.note() + ")"))
			.collect(Collectors.joining("\n"));
		String glossary = GLOSSARY.apply(Map.of("entries", entries)).text().strip();
		if (missed.isEmpty()) {
			return "\n" + glossary;
		}
		String missing = missed.stream().map(GlossaryEntry::shown).collect(Collectors.joining(", "));
		return "\n" + glossary + "\n\n" + RETRY.apply(Map.of("terms", missing)).text().strip();
	}

}
