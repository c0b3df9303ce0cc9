package org.passerelle.output;

import java.nio.file.Files;
import java.nio.file.Path;

import org.passerelle.article.SourceFile;

/**
 * Where one article's outputs go: {@code input/<dir>/<name>.<ext>} becomes
 * {@code output/<dir>/<name>.en.md}, {@code .summary.md} and {@code .meta.json}; record {@code n} of a
 * JSON dump {@code input/<dir>/<dump>.jsonl} goes to {@code output/<dir>/<dump>.jsonl/<n>.en.md} and so on.
 */
public record OutputPaths(Path translation, Path summary, Path metadata) {

	public static OutputPaths of(Path outputDir, String articleId) {
		int hash = recordSeparator(articleId);
		String path = hash < 0 ? articleId : articleId.substring(0, hash) + "/" + articleId.substring(hash + 1);
		int slash = path.lastIndexOf('/');
		String directory = slash < 0 ? "" : path.substring(0, slash);
		String fileName = path.substring(slash + 1);
		int dot = hash < 0 ? fileName.lastIndexOf('.') : -1;
		String base = dot > 0 ? fileName.substring(0, dot) : fileName;
		Path folder = directory.isEmpty() ? outputDir : outputDir.resolve(directory);
		return new OutputPaths(folder.resolve(base + ".en.md"), folder.resolve(base + ".summary.md"),
				folder.resolve(base + ".meta.json"));
	}

	/** Where the {@code #n} of a JSON record's id starts, or -1 for a whole file. */
	private static int recordSeparator(String articleId) {
		return SourceFile.recordOf(articleId) == 0 ? -1 : articleId.lastIndexOf('#');
	}

	/** True when all three files are there, i.e. a previous run finished this article. */
	public boolean allExist() {
		return Files.isRegularFile(translation) && Files.isRegularFile(summary) && Files.isRegularFile(metadata);
	}

}
