package org.passerelle.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.passerelle.report.ReportViews.ArticlesPage;
import org.passerelle.report.ReportViews.RunPage;

/**
 * Makes a run's report from its journal, in {@code <output>/_reports/}: the run's page (briefing,
 * failures, run facts), later pages of the briefing and the failures when there are many, pages of
 * articles side by side, the run's JSON Lines, and the index of runs. Memory holds an index of where
 * each article's line is (a few dozen bytes an article) and one page of articles, never the run.
 */
public final class RunReportWriter {

	/** Articles per briefing page: a long night's summaries stay a page a browser opens at once. */
	static final int BRIEFING_PAGE = 100;

	static final int FAILURES_PAGE = 100;

	/** Articles per side-by-side page: each holds the whole text twice. */
	static final int ARTICLES_PAGE = 20;

	public static final String FOLDER = "_reports";

	private final Path outputDir;

	public RunReportWriter(Path outputDir) {
		this.outputDir = outputDir;
	}

	/** Where a run's report goes. */
	public static Path reportFile(Path outputDir, RunFacts facts) {
		return outputDir.resolve(FOLDER).resolve(facts.name() + ".html");
	}

	/** Writes everything; returns the run's page. */
	public Path write(RunFacts facts, Path journal) throws IOException {
		Path reports = outputDir.resolve(FOLDER);
		List<Placed> translated = new ArrayList<>();
		List<Long> failures = new ArrayList<>();
		try (JournalFile file = new JournalFile(journal)) {
			ArticleLines.write(reports.resolve(facts.name() + ".jsonl"), file, outputDir, (entry, position) -> {
				if (JournalEntry.TRANSLATED.equals(entry.outcome())) {
					translated.add(new Placed(entry.group(), translated.size(), position));
				}
				else if (JournalEntry.FAILED.equals(entry.outcome())) {
					failures.add(position);
				}
			});
			// by source or folder, and within one in reading order ("" is the input folder itself, first)
			translated.sort(Comparator.comparing(Placed::group).thenComparingInt(Placed::order));
			BriefingPages briefing = new BriefingPages(facts, translated, failures, file, outputDir);
			for (int page = 1; page <= Math.max(briefing.pages(), briefing.failurePages()); page++) {
				RunPage model = briefing.page(page);
				PageFiles.render("report/run.jte", model,
						page == 1 ? reportFile(outputDir, facts) : reports.resolve(facts.name()).resolve("page-" + page + ".html"));
			}
			int pages = (translated.size() + ARTICLES_PAGE - 1) / ARTICLES_PAGE;
			for (int page = 1; page <= pages; page++) {
				List<Placed> slice = translated.subList((page - 1) * ARTICLES_PAGE, Math.min(translated.size(), page * ARTICLES_PAGE));
				ArticlesPage model = SideBySide.page(facts, page, pages, (page - 1) * ARTICLES_PAGE, slice, file, outputDir);
				PageFiles.render("report/articles.jte", model, reports.resolve(facts.name()).resolve(articlesFile(page)));
			}
		}
		ReportIndex.add(reports, facts);
		return reportFile(outputDir, facts);
	}

	static String articlesFile(int page) {
		return "articles-" + page + ".html";
	}

	/** Where the article of this place in the briefing order is shown side by side, from {@code _reports/}. */
	static String detailHref(RunFacts facts, int index) {
		return facts.name() + "/" + articlesFile(index / ARTICLES_PAGE + 1) + "#a" + (index + 1);
	}

	/** An article of the run: its group, its place in reading order, and where its journal line starts. */
	record Placed(String group, int order, long position) {
	}

}
