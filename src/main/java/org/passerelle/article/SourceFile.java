package org.passerelle.article;

import java.nio.file.Path;

/**
 * One article file found under the input directory.
 *
 * @param path where the file is
 * @param id the path relative to the input directory, with {@code /} separators: the article's name
 * in outputs, the ledger and logs
 */
public record SourceFile(Path path, String id) {

	public static SourceFile of(Path inputDir, Path file) {
		String relative = inputDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
		return new SourceFile(file, relative);
	}

	@Override
	public String toString() {
		return id;
	}

}
