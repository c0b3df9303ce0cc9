package org.passerelle.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The run's JSON Lines, {@code _reports/<run>.jsonl}: one line per article the run handled, for the
 * tools downstream. Written in the same pass that indexes the journal.
 */
final class ArticleLines {

	private ArticleLines() {
	}

	/** One line of the file; the README documents it field by field. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Line(String article, String inputFolder, String outcome, String title, JournalEntry.Outputs outputs,
			Tokens tokens, List<QualityFlags.Flag> flags, Error error, String url, String published, String source) {
	}

	record Tokens(long input, long output) {
	}

	record Error(String kind, String reason, String message, int attempts) {
	}

	static void write(Path target, JournalFile journal, Path outputDir, JournalFile.Visitor alsoVisit) throws IOException {
		PageFiles.write(target, writer -> journal.forEach((entry, position) -> {
			writeLine(writer, entry, outputDir);
			alsoVisit.visit(entry, position);
		}));
	}

	private static void writeLine(Writer writer, JournalEntry entry, Path outputDir) throws IOException {
		boolean translated = JournalEntry.TRANSLATED.equals(entry.outcome());
		List<QualityFlags.Flag> flags = translated ? QualityFlags.of(entry, outputDir) : List.of();
		Line line = new Line(entry.article(), entry.inputFolder(), entry.outcome(), translated ? entry.englishTitle() : null,
				entry.outputs(), new Tokens(entry.inputTokens(), entry.outputTokens()), translated ? flags : null,
				JournalEntry.FAILED.equals(entry.outcome())
						? new Error(entry.failureKind(), org.passerelle.ledger.FailureKinds.describe(entry.failureKind()),
								entry.reason(), entry.attempts())
						: null,
				entry.details().url(), entry.details().published(), entry.details().source());
		writer.write(RunJournal.JSON.writeValueAsString(line));
		writer.write('\n');
	}

}
