package org.passerelle.llm;

import java.util.List;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * The prompt contract with the model. An article that fits one request is translated and summarised by
 * one call; a longer one is translated part by part, each part leaving notes, and the notes are summarised.
 */
public interface ArticleTranslator {

	/** Rules every translation request shares, given to the prompts as {@code {{rules}}}. */
	String RULES = "/prompts/translation-rules.txt";

	String ARTICLE_SYSTEM = "/prompts/translate-article.system.txt";

	String ARTICLE_USER = "/prompts/translate-article.user.txt";

	String PART_SYSTEM = "/prompts/translate-part.system.txt";

	String PART_USER = "/prompts/translate-part.user.txt";

	String NOTES_SYSTEM = "/prompts/summarize-notes.system.txt";

	String NOTES_USER = "/prompts/summarize-notes.user.txt";

	String CHANGES_SYSTEM = "/prompts/translate-changes.system.txt";

	String CHANGES_USER = "/prompts/translate-changes.user.txt";

	String TOGETHER_SYSTEM = "/prompts/translate-together.system.txt";

	String TOGETHER_USER = "/prompts/translate-together.user.txt";

	/** The glossary entries a request's text uses, given to the prompts as {@code {{glossary}}}. */
	String GLOSSARY = "/prompts/glossary.txt";

	/** Added to the glossary when an answer did not use some of its English forms and is asked again. */
	String GLOSSARY_RETRY = "/prompts/glossary-retry.txt";

	List<String> PROMPT_FILES = List.of(RULES, ARTICLE_SYSTEM, ARTICLE_USER, PART_SYSTEM, PART_USER, NOTES_SYSTEM,
			NOTES_USER, GLOSSARY, GLOSSARY_RETRY, CHANGES_SYSTEM, CHANGES_USER, TOGETHER_SYSTEM, TOGETHER_USER);

	@SystemMessage(fromResource = ARTICLE_SYSTEM)
	@UserMessage(fromResource = ARTICLE_USER)
	Result<TranslatedArticle> translate(@V("article") String articleJson, @V("paragraphCount") int paragraphCount,
			@V("maxSummarySentences") int maxSummarySentences, @V("rules") String rules, @V("glossary") String glossary);

	/** One part of a long article; the answer's summary holds notes on the part. */
	@SystemMessage(fromResource = PART_SYSTEM)
	@UserMessage(fromResource = PART_USER)
	Result<TranslatedArticle> translatePart(@V("article") String partJson, @V("paragraphCount") int paragraphCount,
			@V("part") int part, @V("parts") int parts, @V("rules") String rules, @V("glossary") String glossary);

	/**
	 * The new paragraphs (and title) of an article whose other paragraphs the translation memory holds,
	 * with nearby paragraphs for context; the answer's summary revises the earlier version's.
	 */
	@SystemMessage(fromResource = CHANGES_SYSTEM)
	@UserMessage(fromResource = CHANGES_USER)
	Result<TranslatedArticle> translateChanges(@V("article") String changesJson, @V("paragraphCount") int paragraphCount,
			@V("maxSummarySentences") int maxSummarySentences, @V("rules") String rules, @V("glossary") String glossary);

	/** What changed in several articles, in one request: the prompt is paid once for all of them. */
	@SystemMessage(fromResource = TOGETHER_SYSTEM)
	@UserMessage(fromResource = TOGETHER_USER)
	Result<TranslatedTogether> translateTogether(@V("articles") String articlesJson, @V("articleCount") int articleCount,
			@V("maxSummarySentences") int maxSummarySentences, @V("rules") String rules, @V("glossary") String glossary);

	/** The answers to {@link #translateTogether}: one per article, in order. */
	record TranslatedTogether(List<TranslatedArticle> articles) {
	}

	@SystemMessage(fromResource = NOTES_SYSTEM)
	@UserMessage(fromResource = NOTES_USER)
	Result<ArticleSummary> summarize(@V("notes") String notesJson, @V("noteCount") int noteCount,
			@V("maxSummarySentences") int maxSummarySentences);

	/** The model's summary of an article from notes on its parts. */
	record ArticleSummary(String summary) {
	}

}
