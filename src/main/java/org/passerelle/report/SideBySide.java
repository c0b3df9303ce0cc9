package org.passerelle.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.passerelle.report.ReportViews.ArticleView;
import org.passerelle.report.ReportViews.ArticlesPage;
import org.passerelle.report.ReportViews.Row;

/** A page of articles, French and English paragraph by paragraph, each flag on the row it concerns. */
final class SideBySide {

	private SideBySide() {
	}

	static ArticlesPage page(RunFacts facts, int page, int pages, int first, List<RunReportWriter.Placed> slice,
			JournalFile journal, Path outputDir) throws IOException {
		List<ArticleView> articles = new ArrayList<>(slice.size());
		for (int i = 0; i < slice.size(); i++) {
			articles.add(article(journal.read(slice.get(i).position()), first + i, outputDir));
		}
		return new ArticlesPage(facts, "Side by side, run " + facts.executionId() + ", page " + page + " of " + pages,
				page, pages, first + 1, articles, page > 1 ? RunReportWriter.articlesFile(page - 1) : null,
				page < pages ? RunReportWriter.articlesFile(page + 1) : null);
	}

	static ArticleView article(JournalEntry entry, int index, Path outputDir) {
		List<QualityFlags.Flag> flags = QualityFlags.of(entry, outputDir);
		List<Row> rows = new ArrayList<>();
		int count = Math.max(entry.french().size(), entry.english().size());
		for (int number = 0; number < count; number++) {
			int paragraph = number;
			rows.add(new Row(number, number == 0 ? "title" : String.valueOf(number), text(entry.french(), number),
					text(entry.english(), number), flags.stream()
						.filter(flag -> flag.paragraph() != null && flag.paragraph() == paragraph)
						.map(QualityFlags.Flag::shown)
						.toList()));
		}
		List<String> articleFlags = flags.stream()
			.filter(flag -> flag.paragraph() == null || flag.paragraph() < 0 || flag.paragraph() >= count)
			.map(QualityFlags.Flag::shown)
			.toList();
		return new ArticleView(index + 1, "a" + (index + 1), entry.englishTitle(), text(entry.french(), 0), entry.summary(),
				SourceLinks.safeUrl(entry.details().url()), SourceLinks.site(entry.details().url(), entry.details().source()),
				SourceLinks.published(entry.details().published()), entry.details().author(), BriefingPages.path(entry),
				entry.outputs() == null ? null : SourceLinks.toOutput("../", entry.outputs().translation()), rows,
				articleFlags, String.format(Locale.ROOT, "%,d + %,d tokens", entry.inputTokens(), entry.outputTokens()));
	}

	private static String text(List<String> texts, int index) {
		return index < texts.size() ? texts.get(index) : "";
	}

}
