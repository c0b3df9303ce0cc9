package org.passerelle.output;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one article's outputs go: {@code input/<dir>/<name>.<ext>} becomes
 * {@code output/<dir>/<name>.en.md}, {@code .summary.md} and {@code .meta.json}.
 */
public record OutputPaths(Path translation, Path summary, Path metadata) {

	public static OutputPaths of(Path outputDir, String articleId) {
		int slash = articleId.lastIndexOf('/');
		String directory = slash < 0 ? "" : articleId.substring(0, slash);
		String fileName = articleId.substring(slash + 1);
		int dot = fileName.lastIndexOf('.');
		String base = dot > 0 ? fileName.substring(0, dot) : fileName;
		Path folder = directory.isEmpty() ? outputDir : outputDir.resolve(directory);
		return new OutputPaths(folder.resolve(base + ".en.md"), folder.resolve(base + ".summary.md"),
				folder.resolve(base + ".meta.json"));
	}

	/** True when all three files are there, i.e. a previous run finished this article. */
	public boolean allExist() {
		return Files.isRegularFile(translation) && Files.isRegularFile(summary) && Files.isRegularFile(metadata);
	}

}
