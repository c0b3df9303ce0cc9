/**
 * Finding the article in a saved news page: its charset, title, paragraphs and details, on jsoup.
 * Plain Java: no Spring, no LangChain4j.
 */
package org.passerelle.article.html;
