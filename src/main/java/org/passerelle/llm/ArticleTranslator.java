package org.passerelle.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The prompt contract with the model: one article in, its translation and summary out. */
public interface ArticleTranslator {

	String SYSTEM_PROMPT = "/prompts/translate-article.system.txt";

	String USER_PROMPT = "/prompts/translate-article.user.txt";

	@SystemMessage(fromResource = SYSTEM_PROMPT)
	@UserMessage(fromResource = USER_PROMPT)
	Result<TranslatedArticle> translate(@V("article") String articleJson, @V("paragraphCount") int paragraphCount,
			@V("maxSummarySentences") int maxSummarySentences);

}
