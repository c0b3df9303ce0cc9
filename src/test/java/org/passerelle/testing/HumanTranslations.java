package org.passerelle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;


/**
 * The WMT14 news documents translated by professionals, read where the team keeps them
 * ({@code ../shared/data/wmt14-fren-en-original/}, never copied into the project). English is their
 * original language and French the translation. Tests that need them are skipped when they are absent.
 */
public final class HumanTranslations {

	public static final Path FOLDER = Path.of("..", "shared", "data", "wmt14-fren-en-original");

	private HumanTranslations() {
	}

	/** One document: its name, and its French and English segments, aligned; the first is the headline. */
	public record Document(String name, List<String> french, List<String> english) {

		public String frenchTitle() {
			return french.get(0);
		}

		public List<String> frenchParagraphs() {
			return french.subList(1, french.size());
		}

		public String englishTitle() {
			return english.get(0);
		}

		public List<String> englishParagraphs() {
			return english.subList(1, english.size());
		}

		/**
		 * The same document with every {@code size} segments after the headline joined into one paragraph:
		 * WMT14's segments are single sentences, news paragraphs often hold two or three.
		 */
		public Document inParagraphsOf(int size) {
			return new Document(name, grouped(french, size), grouped(english, size));
		}

		private static List<String> grouped(List<String> segments, int size) {
			List<String> grouped = new java.util.ArrayList<>(List.of(segments.get(0)));
			for (int i = 1; i < segments.size(); i += size) {
				grouped.add(String.join(" ", segments.subList(i, Math.min(segments.size(), i + size))));
			}
			return grouped;
		}

	}

	private static volatile List<Document> documents;

	public static boolean available() {
		return Files.isDirectory(FOLDER);
	}

	/**
	 * Every document (read once). When the data is not there, the calling test is skipped, and reported
	 * as skipped, or fails if {@value SharedData#REQUIRED} is {@code true}. Call it from a test, not from
	 * {@code @BeforeAll}: a class whose set-up skips is reported as no tests at all.
	 */
	public static List<Document> documents() {
		SharedData.assumeAvailable(available(), "the WMT14 data is not at " + FOLDER.toAbsolutePath().normalize());
		if (documents == null) {
			documents = readAll();
		}
		return documents;
	}

	private static List<Document> readAll() {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".fr.txt")).sorted()
				.map(name -> name.substring(0, name.length() - ".fr.txt".length()))
				.map(HumanTranslations::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document read(String name) {
		List<String> french = segments(FOLDER.resolve(name + ".fr.txt"));
		List<String> english = segments(FOLDER.resolve(name + ".en.txt"));
		if (french.size() != english.size()) {
			throw new IllegalStateException(name + ": " + french.size() + " French segments for " + english.size() + " English");
		}
		return new Document(name, french, english);
	}

	private static List<String> segments(Path file) {
		try {
			return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
