package org.passerelle.batch;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.output.ArticleMetadata;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;

/**
 * Decides which of two or more files whose outputs share names ({@code a.txt} and {@code a.md}) writes
 * them: the one the outputs already belong to (their {@code meta.json} names it), else the first by name.
 * The others are refused before any call, with a reason naming both files, so nothing is overwritten and
 * the ledger never believes a file is done when its translation was another's. Every article of a group
 * reaches the same decision, whichever thread asks first.
 */
class OutputNamesakes {

	private final PairedOutputWriter files;

	OutputNamesakes(PairedOutputWriter files) {
		this.files = files;
	}

	void check(SourceFile source, OutputPaths paths) throws UnusableArticleException {
		if (source.namesakes().isEmpty()) {
			return;
		}
		String owner = owner(source, paths);
		if (!owner.equals(source.id())) {
			throw new OutputClashException("not translated: " + owner + " in the same folder writes the same outputs ("
					+ paths.translation().getFileName() + "...); rename one of " + owner + " and " + source.id());
		}
	}

	/** Another file of the same folder owns the outputs this one would write. */
	static final class OutputClashException extends UnusableArticleException {

		OutputClashException(String reason) {
			super(null, reason);
		}

	}

	private String owner(SourceFile source, OutputPaths paths) {
		List<String> group = new ArrayList<>(source.namesakes());
		group.add(source.id());
		Optional<String> writtenFor = files.readMetadata(paths).map(ArticleMetadata::source).filter(group::contains)
			.filter(id -> id.equals(source.id()) || Files.exists(source.root().resolve(id)));
		if (writtenFor.isPresent()) {
			return writtenFor.get();
		}
		return group.stream()
			.filter(id -> id.equals(source.id()) || Files.exists(source.root().resolve(id)))
			.sorted()
			.findFirst()
			.orElse(source.id());
	}

}
