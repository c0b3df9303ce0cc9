package org.passerelle.batch;

import java.nio.file.Path;

import org.passerelle.article.InputFiles;
import org.passerelle.article.SourceFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads the input directory's article files one at a time. Its restart state is the id of the last
 * file of the last committed chunk: a restart resumes after it, even if files were added meanwhile.
 */
public class SourceFileReader extends ItemStreamSupport implements ItemStreamReader<SourceFile> {

	private static final String LAST_ID = "last.id";

	private final Path inputDir;

	private InputFiles files;

	private String lastId;

	public SourceFileReader(Path inputDir) {
		this.inputDir = inputDir;
		setName("sourceFileReader");
	}

	@Override
	public void open(ExecutionContext context) {
		files = new InputFiles(inputDir);
		lastId = context.containsKey(getExecutionContextKey(LAST_ID)) ? context.getString(getExecutionContextKey(LAST_ID)) : null;
	}

	@Override
	public SourceFile read() {
		while (files.hasNext()) {
			SourceFile next = files.next();
			if (lastId == null || InputFiles.compareIds(next.id(), lastId) > 0) {
				lastId = next.id();
				return next;
			}
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		if (lastId != null) {
			context.putString(getExecutionContextKey(LAST_ID), lastId);
		}
	}

}
