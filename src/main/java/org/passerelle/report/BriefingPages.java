package org.passerelle.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.passerelle.ledger.FailureKinds;
import org.passerelle.report.ReportViews.BriefingItem;
import org.passerelle.report.ReportViews.FailureItem;
import org.passerelle.report.ReportViews.Group;
import org.passerelle.report.ReportViews.PageLink;
import org.passerelle.report.ReportViews.Pager;
import org.passerelle.report.ReportViews.RunPage;

/**
 * The run's pages: page 1 is the run's own file, with the run facts; each page holds its share of the
 * briefing and of the failures, read from the journal as it is written.
 */
final class BriefingPages {

	private final RunFacts facts;

	private final List<RunReportWriter.Placed> translated;

	private final List<Long> failures;

	private final JournalFile journal;

	private final Path outputDir;

	BriefingPages(RunFacts facts, List<RunReportWriter.Placed> translated, List<Long> failures, JournalFile journal,
			Path outputDir) {
		this.facts = facts;
		this.translated = translated;
		this.failures = failures;
		this.journal = journal;
		this.outputDir = outputDir;
	}

	int pages() {
		return Math.max(1, (translated.size() + RunReportWriter.BRIEFING_PAGE - 1) / RunReportWriter.BRIEFING_PAGE);
	}

	int failurePages() {
		return (failures.size() + RunReportWriter.FAILURES_PAGE - 1) / RunReportWriter.FAILURES_PAGE;
	}

	RunPage page(int page) throws IOException {
		String prefix = page == 1 ? "" : "../";
		int pages = Math.max(pages(), failurePages());
		List<PageLink> links = new ArrayList<>();
		for (int number = 1; number <= pages; number++) {
			links.add(new PageLink(number, number == 1 ? prefix + facts.name() + ".html"
					: prefix + facts.name() + "/page-" + number + ".html", number == page));
		}
		Pager pager = new Pager("Pages", page, pages, links);
		String title = "Passerelle run " + facts.executionId() + ", " + facts.date() + (page == 1 ? "" : ", page " + page);
		return new RunPage(facts, title, prefix, page == 1, groups(page, prefix), pager, failures(page), pager,
				(long) (page - 1) * RunReportWriter.FAILURES_PAGE + 1);
	}

	private List<Group> groups(int page, String prefix) throws IOException {
		List<Group> groups = new ArrayList<>();
		int from = (page - 1) * RunReportWriter.BRIEFING_PAGE;
		int to = Math.min(translated.size(), page * RunReportWriter.BRIEFING_PAGE);
		String current = null;
		List<BriefingItem> items = null;
		for (int index = from; index < to; index++) {
			RunReportWriter.Placed placed = translated.get(index);
			JournalEntry entry = journal.read(placed.position());
			if (!placed.group().equals(current)) {
				current = placed.group();
				items = new ArrayList<>();
				boolean continued = index > 0 && translated.get(index - 1).group().equals(current);
				groups.add(new Group(groupName(entry), continued, items));
			}
			items.add(item(entry, index, prefix));
		}
		return groups;
	}

	private BriefingItem item(JournalEntry entry, int index, String prefix) {
		String url = SourceLinks.safeUrl(entry.details().url());
		int flags = QualityFlags.of(entry, outputDir).size();
		return new BriefingItem(index + 1, entry.englishTitle(), entry.summary(), url,
				SourceLinks.site(entry.details().url(), entry.details().source()),
				SourceLinks.published(entry.details().published()), entry.details().author(), path(entry),
				prefix + RunReportWriter.detailHref(facts, index),
				entry.outputs() == null ? null : SourceLinks.toOutput(prefix, entry.outputs().translation()), flags);
	}

	/** The source file as the operator finds it: input folder and id. */
	static String path(JournalEntry entry) {
		return Path.of(entry.inputFolder()).getFileName() + "/" + entry.article();
	}

	static String groupName(JournalEntry entry) {
		String group = entry.group();
		if (!group.isEmpty()) {
			return group;
		}
		Path folder = Path.of(entry.inputFolder()).getFileName();
		return folder == null ? entry.inputFolder() : folder.toString();
	}

	private List<FailureItem> failures(int page) throws IOException {
		List<FailureItem> items = new ArrayList<>();
		int from = (page - 1) * RunReportWriter.FAILURES_PAGE;
		int to = Math.min(failures.size(), page * RunReportWriter.FAILURES_PAGE);
		for (int index = from; index < to; index++) {
			JournalEntry entry = journal.read(failures.get(index));
			items.add(new FailureItem(index + 1, entry.article(), entry.inputFolder(),
					FailureKinds.describe(entry.failureKind()), entry.reason(), entry.attempts()));
		}
		return items;
	}

}
