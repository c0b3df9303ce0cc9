package org.passerelle.article;

/**
 * The article's file (or its record) is no longer there: a scraper rotated it away between the walk
 * and the read. Not a failure of the article: it is logged as gone.
 */
public class ArticleGoneException extends UnusableArticleException {

	public ArticleGoneException(String reason) {
		super(null, reason);
	}

}
