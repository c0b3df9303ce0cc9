package org.passerelle.report;

import java.util.List;

/** What the report's templates are given: texts ready to show, links ready to follow. */
public final class ReportViews {

	private ReportViews() {
	}

	/**
	 * A page of the report: the first one (the run's file, with the run facts) or a later page of the
	 * briefing or of the failures.
	 *
	 * @param prefix the way from this page back to {@code _reports/}: "" or "../"
	 */
	public record RunPage(RunFacts facts, String title, String prefix, boolean first, List<Group> groups,
			Pager briefing, List<FailureItem> failures, Pager failurePager, long firstFailure) {

		public String mainHref() {
			return prefix + facts.name() + ".html";
		}

	}

	/** Articles of one source or folder, in a briefing page. */
	public record Group(String name, boolean continued, List<BriefingItem> items) {
	}

	/**
	 * @param url the article's address, only when it is an http(s) link
	 * @param flags how many quality flags it has
	 */
	public record BriefingItem(int number, String title, String summary, String url, String site, String published,
			String author, String path, String detailHref, String englishHref, int flags) {
	}

	public record FailureItem(int number, String article, String folder, String reason, String error, int attempts) {
	}

	/** Links to the pages of one list; shown only when there is more than one. */
	public record Pager(String label, int current, int pages, List<PageLink> links) {

		public boolean multiple() {
			return pages > 1;
		}

	}

	public record PageLink(int number, String href, boolean current) {
	}

	/** A page of articles side by side. */
	public record ArticlesPage(RunFacts facts, String title, int number, int pages, int firstArticle,
			List<ArticleView> articles, String previousHref, String nextHref) {

		public String mainHref() {
			return "../" + facts.name() + ".html";
		}

	}

	/**
	 * One article, French and English paragraph by paragraph: row 0 is the title.
	 *
	 * @param articleFlags the flags that concern the whole article or its summary
	 */
	public record ArticleView(int number, String anchor, String title, String frenchTitle, String summary, String url,
			String site, String published, String author, String path, String englishHref, List<Row> rows,
			List<String> articleFlags, String tokens) {

		public int flagCount() {
			return articleFlags.size() + rows.stream().mapToInt(row -> row.flags().size()).sum();
		}

	}

	/** One aligned pair of paragraphs and the flags raised on it. */
	public record Row(int number, String label, String french, String english, List<String> flags) {

		public boolean flagged() {
			return !flags.isEmpty();
		}

	}

	/** The list of every report in this output folder, newest first. */
	public record IndexPage(String title, List<RunFacts> runs) {
	}

}
