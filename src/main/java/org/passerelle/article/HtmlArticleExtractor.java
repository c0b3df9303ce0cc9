package org.passerelle.article;

// TEMPORARY stand-in until the real extractor is merged
public final class HtmlArticleExtractor {
	public ExtractedArticle extract(byte[] html) {
		org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));
		return new ExtractedArticle(doc.select("h1").text(), doc.select("article p").eachText(), SourceDetails.NONE, "UTF-8");
	}
}
