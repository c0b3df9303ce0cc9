package org.passerelle.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Walks the input directory lazily, depth first, each directory's entries in name order, yielding
 * {@code *.txt} and {@code *.md} files. Only the directories on the current path are held in memory,
 * so a folder of a hundred thousand articles costs no more than a folder of ten. Hidden files and
 * directories (names starting with a dot) are passed over.
 */
public final class InputFiles implements Iterator<SourceFile> {

	private final Path root;

	private final Deque<Iterator<Path>> pending = new ArrayDeque<>();

	private SourceFile next;

	public InputFiles(Path root) {
		this.root = root;
		if (!Files.isDirectory(root)) {
			throw new UncheckedIOException(new IOException("input directory " + root + " does not exist or is not a directory"));
		}
		pending.push(sortedEntries(root));
	}

	public static boolean isArticleFile(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".txt") || name.endsWith(".md");
	}

	/**
	 * The order this walker yields files in, as a comparison of ids; lets a restart resume after the last
	 * file it committed even if files were added or removed meanwhile.
	 */
	public static int compareIds(String left, String right) {
		String[] a = left.split("/");
		String[] b = right.split("/");
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			int byName = a[i].compareTo(b[i]);
			if (byName != 0) {
				return byName;
			}
		}
		return Integer.compare(a.length, b.length);
	}

	@Override
	public boolean hasNext() {
		while (next == null && !pending.isEmpty()) {
			Iterator<Path> entries = pending.peek();
			if (!entries.hasNext()) {
				pending.pop();
				continue;
			}
			Path entry = entries.next();
			if (entry.getFileName().toString().startsWith(".")) {
				continue;
			}
			if (Files.isDirectory(entry)) {
				pending.push(sortedEntries(entry));
			}
			else if (isArticleFile(entry)) {
				next = SourceFile.of(root, entry);
			}
		}
		return next != null;
	}

	@Override
	public SourceFile next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		SourceFile result = next;
		next = null;
		return result;
	}

	private static Iterator<Path> sortedEntries(Path directory) {
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
		entries.sort((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()));
		return entries.iterator();
	}

}
