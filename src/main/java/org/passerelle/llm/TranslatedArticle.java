package org.passerelle.llm;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;

/** The structured answer the model must give: LangChain4j derives the JSON schema from this record. */
public record TranslatedArticle(
		@Description("the English translation of the title") String title,
		@Description("the English translation of each French paragraph, same count and order") List<String> paragraphs,
		@Description("a short neutral English summary of the article") String summary) {
}
