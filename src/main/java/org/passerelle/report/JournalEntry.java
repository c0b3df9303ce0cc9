package org.passerelle.report;

import java.util.List;

import org.passerelle.article.Article;
import org.passerelle.article.SourceDetails;
import org.passerelle.article.SourceFile;
import org.passerelle.quality.QualityFlag;

/**
 * One article a run handled, as its journal keeps it until the report is written: enough to show it
 * in the briefing and side by side, or to explain its failure.
 *
 * @param article the article's id in its input folder ({@code politique/budget.txt}, {@code dump.jsonl#12})
 * @param outcome {@link #TRANSLATED}, {@link #FAILED} or {@link #GONE}
 * @param outputs where its three files are, relative to the output folder (translated only)
 * @param french the French title, then its paragraphs; {@code english} the same in English (translated only)
 * @param failureKind what sort of failure ({@code BAD_ANSWER}...), {@code reason} the error in plain words,
 * {@code attempts} how many runs have tried this content (failed only)
 * @param flags the quality flags written in its {@code meta.json} (translated only), carried here so that
 * the report need not read every {@code meta.json} again; null in a journal that did not carry them
 */
public record JournalEntry(String article, String outcome, String inputFolder, List<String> french,
		List<String> english, String summary, SourceDetails details, Outputs outputs, long inputTokens,
		long outputTokens, String failureKind, String reason, int attempts, List<QualityFlag> flags) {

	public static final String TRANSLATED = "translated";

	public static final String FAILED = "failed";

	public static final String GONE = "gone";

	public JournalEntry {
		french = french == null ? List.of() : List.copyOf(french);
		english = english == null ? List.of() : List.copyOf(english);
		details = details == null ? SourceDetails.NONE : details;
	}

	/** The three output files, relative to the output folder, with {@code /} separators. */
	public record Outputs(String translation, String summary, String metadata) {
	}

	public static JournalEntry translated(Article article, String englishTitle, List<String> englishParagraphs,
			String summary, Outputs outputs, long inputTokens, long outputTokens, List<QualityFlag> flags) {
		List<String> french = new java.util.ArrayList<>(article.paragraphs().size() + 1);
		french.add(article.title());
		french.addAll(article.paragraphs());
		List<String> english = new java.util.ArrayList<>(englishParagraphs.size() + 1);
		english.add(englishTitle);
		english.addAll(englishParagraphs);
		return new JournalEntry(article.source().id(), TRANSLATED, article.source().root().toString(), french, english,
				summary, article.details(), outputs, inputTokens, outputTokens, null, null, 0, List.copyOf(flags));
	}

	public static JournalEntry failed(SourceFile source, String failureKind, String reason, int attempts) {
		return new JournalEntry(source.id(), FAILED, source.root().toString(), null, null, null, null, null, 0, 0,
				failureKind, reason, attempts, null);
	}

	public static JournalEntry gone(SourceFile source) {
		return new JournalEntry(source.id(), GONE, source.root().toString(), null, null, null, null, null, 0, 0, null,
				null, 0, null);
	}

	/** The English title, or the article's id when it has none (it failed). */
	public String englishTitle() {
		return english.isEmpty() ? article : english.get(0);
	}

	/**
	 * What the briefing groups it under: the source the file named ("Le Monde"), else the folder it
	 * sits in within the input folder.
	 */
	public String group() {
		if (details.source() != null && !details.source().isBlank()) {
			return details.source().strip();
		}
		String file = article.contains("#") && SourceFile.recordOf(article) > 0 ? article.substring(0, article.lastIndexOf('#'))
				: article;
		int slash = file.lastIndexOf('/');
		return slash < 0 ? "" : file.substring(0, slash);
	}

}
