package org.passerelle.article;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One article found under an input folder: a whole file, or one record of a JSON array or JSON Lines
 * file.
 *
 * @param root the input folder it was found under (absolute): with {@code id}, what the ledger keys on
 * @param path where the file is
 * @param id the path relative to the input folder, with {@code /} separators, plus {@code #n} for the
 * n-th record of a JSON file (its line, for JSON Lines): the article's name in outputs, the ledger and logs
 * @param record 0 for a whole file, else the record's number
 * @param recordText the record's JSON as the walker read it, or null to read it again from the file
 * @param namesakes other article files in the same folder whose outputs would have the same names
 * ({@code a.txt} and {@code a.md}), by id
 */
public record SourceFile(Path root, Path path, String id, int record, String recordText, List<String> namesakes) {

	private static final Pattern RECORD_SUFFIX = Pattern.compile("#(\\d+)$");

	public SourceFile {
		namesakes = List.copyOf(namesakes);
	}

	/** A whole file with no namesakes, for callers that know nothing else of it. */
	public SourceFile(Path path, String id) {
		this(Path.of("").toAbsolutePath(), path, id, 0, null, List.of());
	}

	public static SourceFile of(Path inputDir, Path file) {
		return new SourceFile(normalized(inputDir), file, relativeId(inputDir, file), 0, null, List.of());
	}

	/** The article an id names under an input folder, as a later run ({@code retry-failed}) finds it again. */
	public static SourceFile fromId(Path inputDir, String id) {
		Path root = normalized(inputDir);
		int record = recordOf(id);
		String file = record == 0 ? id : id.substring(0, id.lastIndexOf('#'));
		return new SourceFile(root, root.resolve(file), id, record, null, List.of());
	}

	/** The record number an id ends with ({@code dump.jsonl#12}), or 0 for a whole file. */
	public static int recordOf(String id) {
		var matcher = RECORD_SUFFIX.matcher(id);
		if (matcher.find() && ArticleFormat.of(id.substring(0, matcher.start())).filter(ArticleFormat::hasRecords).isPresent()) {
			return Integer.parseInt(matcher.group(1));
		}
		return 0;
	}

	static String relativeId(Path inputDir, Path file) {
		return inputDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	public static Path normalized(Path directory) {
		return directory.toAbsolutePath().normalize();
	}

	public SourceFile withRecord(int number, String text) {
		return new SourceFile(root, path, id + "#" + number, number, text, List.of());
	}

	public SourceFile withNamesakes(List<String> others) {
		return new SourceFile(root, path, id, record, recordText, others);
	}

	/** What kind of file this is, by its name. */
	public Optional<ArticleFormat> format() {
		return ArticleFormat.of(path.getFileName().toString());
	}

	@Override
	public String toString() {
		return id;
	}

}
