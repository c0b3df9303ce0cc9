package org.passerelle.article;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks an input folder lazily, depth first, each folder's entries in name order, yielding every
 * article it holds: text, Markdown, HTML and JSON files, and each record of a JSON Lines file or JSON
 * array. Only the folders on the current path and the record being read are held in memory, so a folder
 * of a hundred thousand articles costs no more than a folder of ten. Everything else (images, PDFs,
 * temporary and hidden files) is not an article: it is counted by kind, so a run can say what it passed
 * over.
 */
public final class InputFiles implements Iterator<SourceFile>, Closeable {

	private final Path root;

	private final Deque<Iterator<Path>> pending = new ArrayDeque<>();

	private final Map<String, Integer> skipped = new TreeMap<>();

	private final Map<Path, List<String>> namesakes = new HashMap<>();

	private JsonRecords records;

	private SourceFile next;

	public InputFiles(Path root) {
		this(root, true);
	}

	private InputFiles(Path root, boolean walk) {
		this.root = SourceFile.normalized(root);
		if (walk) {
			if (!Files.isDirectory(root)) {
				throw new UncheckedIOException(new IOException("input directory " + root + " does not exist or is not a directory"));
			}
			pending.push(sortedEntries(this.root));
		}
	}

	/**
	 * The order this walker yields articles in, as a comparison of ids; lets a restart resume after the
	 * last article it committed even if files were added or removed meanwhile.
	 */
	public static int compareIds(String left, String right) {
		int leftRecord = SourceFile.recordOf(left);
		int rightRecord = SourceFile.recordOf(right);
		String[] a = withoutRecord(left, leftRecord).split("/");
		String[] b = withoutRecord(right, rightRecord).split("/");
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			int byName = a[i].compareTo(b[i]);
			if (byName != 0) {
				return byName;
			}
		}
		int byDepth = Integer.compare(a.length, b.length);
		return byDepth != 0 ? byDepth : Integer.compare(leftRecord, rightRecord);
	}

	private static String withoutRecord(String id, int record) {
		return record == 0 ? id : id.substring(0, id.lastIndexOf('#'));
	}

	/**
	 * What is not an article, so far, by kind: {@code .pdf}, {@code .part}, "hidden", "no extension".
	 * Complete once the walk has ended.
	 */
	public Map<String, Integer> skipped() {
		return Map.copyOf(skipped);
	}

	/** "3 files skipped: 2 .pdf, 1 .part", or empty when nothing was. */
	public static Optional<String> describeSkipped(Map<String, Integer> skipped) {
		int total = skipped.values().stream().mapToInt(Integer::intValue).sum();
		if (total == 0) {
			return Optional.empty();
		}
		List<String> kinds = new ArrayList<>();
		new TreeMap<>(skipped).entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(kind -> kinds.add(kind.getValue() + " " + kind.getKey()));
		return Optional.of(total + (total == 1 ? " file" : " files") + " skipped (not articles): " + String.join(", ", kinds));
	}

	@Override
	public boolean hasNext() {
		while (next == null) {
			if (records != null) {
				if (records.hasNext()) {
					next = records.next();
					break;
				}
				records.close();
				records = null;
			}
			if (pending.isEmpty()) {
				break;
			}
			Iterator<Path> entries = pending.peek();
			if (!entries.hasNext()) {
				pending.pop();
				continue;
			}
			visit(entries.next());
		}
		return next != null;
	}

	private void visit(Path entry) {
		String name = entry.getFileName().toString();
		if (name.startsWith(".")) {
			count("hidden");
			return;
		}
		if (Files.isDirectory(entry)) {
			pending.push(sortedEntries(entry));
			return;
		}
		Optional<ArticleFormat> format = ArticleFormat.of(name);
		if (format.isEmpty()) {
			count(kindOf(name));
			return;
		}
		SourceFile file = new SourceFile(root, entry, SourceFile.relativeId(root, entry), 0, null,
				namesakes.getOrDefault(entry, List.of()));
		namesakes.remove(entry);
		if (format.get().hasRecords()) {
			records = JsonRecords.of(file);
		}
		else {
			next = file;
		}
	}

	private void count(String kind) {
		skipped.merge(kind, 1, Integer::sum);
	}

	private static String kindOf(String name) {
		int dot = name.lastIndexOf('.');
		if (name.endsWith("~")) {
			return "backup (~)";
		}
		if (dot <= 0 || dot == name.length() - 1) {
			return "no extension";
		}
		String extension = name.substring(dot).toLowerCase(Locale.ROOT);
		return extension.matches("\\.[a-z0-9_~-]{1,12}") ? extension : "other";
	}

	/**
	 * The article as the walk would have found it, namesakes included: for a run that starts from the
	 * ledger's ids ({@code retry-failed}) rather than from a walk.
	 */
	public static SourceFile withNamesakes(SourceFile article) {
		Path folder = article.path().getParent();
		if (article.record() > 0 || folder == null || !Files.isDirectory(folder)) {
			return article;
		}
		String name = article.path().getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot <= 0) {
			return article;
		}
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> sameStem = Files.newDirectoryStream(folder, globEscaped(name.substring(0, dot)) + ".*")) {
			sameStem.forEach(entries::add);
		}
		catch (IOException ex) {
			return article;
		}
		entries.sort((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()));
		InputFiles scratch = new InputFiles(article.root(), false);
		scratch.findNamesakes(entries);
		return article.withNamesakes(scratch.namesakes.getOrDefault(article.path(), List.of()));
	}

	private static String globEscaped(String text) {
		return text.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
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

	@Override
	public void close() {
		if (records != null) {
			records.close();
		}
	}

	private Iterator<Path> sortedEntries(Path directory) {
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
		entries.sort((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()));
		findNamesakes(entries);
		return entries.iterator();
	}

	/**
	 * Files of one folder whose outputs would share names ({@code a.txt}, {@code a.md}, {@code a.html}):
	 * each learns of the others, so that only one of them writes {@code a.en.md}.
	 */
	private void findNamesakes(List<Path> entries) {
		Map<String, List<Path>> byStem = new HashMap<>();
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			Optional<ArticleFormat> format = ArticleFormat.of(name);
			if (name.startsWith(".") || format.isEmpty() || format.get() == ArticleFormat.JSON_LINES || Files.isDirectory(entry)
					|| format.get() == ArticleFormat.JSON && JsonRecords.startsWithArray(new SourceFile(entry, name))) {
				continue; // records of a JSON dump go to a folder of their own, named after the whole file
			}
			byStem.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), any -> new ArrayList<>()).add(entry);
		}
		for (List<Path> group : byStem.values()) {
			if (group.size() > 1) {
				for (Path member : group) {
					namesakes.put(member, group.stream().filter(other -> !other.equals(member))
						.map(other -> SourceFile.relativeId(root, other)).toList());
				}
			}
		}
	}

}
