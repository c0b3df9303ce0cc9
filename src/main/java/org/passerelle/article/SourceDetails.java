package org.passerelle.article;

/**
 * What a scraper's file says about an article besides its text. Each field is null when the file does
 * not say.
 *
 * @param url the article's canonical address
 * @param published when it was published, as the source wrote it (ISO 8601 when the source uses it)
 * @param author the author or authors, comma-separated
 * @param source the publication or site ("Le Monde", "lemonde.fr")
 */
public record SourceDetails(String url, String published, String author, String source) {

	public static final SourceDetails NONE = new SourceDetails(null, null, null, null);

	public boolean isEmpty() {
		return url == null && published == null && author == null && source == null;
	}

}
