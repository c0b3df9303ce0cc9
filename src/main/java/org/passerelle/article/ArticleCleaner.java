package org.passerelle.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns the text a scraper saved into a title and paragraphs: drops the title repeated at the top,
 * navigation and promotional lines (patterns in {@code cleaning/boilerplate-lines.txt}), folds
 * non-breaking spaces and runs of blanks, and normalises to Unicode NFC. The article's own wording,
 * broken quotes included, is left as it is: fixing it is the translator's job.
 */
public final class ArticleCleaner {

	private static final String PATTERNS_RESOURCE = "/cleaning/boilerplate-lines.txt";

	// U+00A0 no-break space, U+2007 figure space, U+202F narrow no-break space, U+200B zero width space
	private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

	private static final Pattern ODD_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\u200B\\uFEFF\\t ]+");

	private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");

	private final List<Pattern> boilerplate;

	public ArticleCleaner() {
		this(loadPatterns());
	}

	ArticleCleaner(List<Pattern> boilerplate) {
		this.boilerplate = List.copyOf(boilerplate);
	}

	/** The cleaned title and paragraphs; the title is empty if the text has no line worth keeping. */
	public CleanText clean(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
		String title = null;
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		for (String rawLine : text.split("\\R", -1)) {
			String line = ODD_SPACES.matcher(rawLine).replaceAll(" ").strip();
			if (line.isEmpty()) {
				flush(paragraph, paragraphs);
				continue;
			}
			if (isBoilerplate(line)) {
				// a navigation line also ends the paragraph it interrupts
				flush(paragraph, paragraphs);
				continue;
			}
			if (title == null) {
				title = MARKDOWN_HEADING.matcher(line).replaceFirst("");
				continue;
			}
			if (paragraphs.isEmpty() && paragraph.isEmpty() && isSameTitle(title, line)) {
				continue;
			}
			if (!paragraph.isEmpty()) {
				paragraph.append(' ');
			}
			paragraph.append(line);
		}
		flush(paragraph, paragraphs);
		return new CleanText(Objects.requireNonNullElse(title, ""), paragraphs);
	}

	/**
	 * The same cleaning for an article whose paragraphs a structured file already delimits (an HTML page,
	 * a JSON record): each paragraph folded and normalised, navigation and promotional ones dropped, the
	 * title dropped where it is repeated as the first paragraph.
	 */
	public CleanText clean(ExtractedArticle extracted) {
		String title = ODD_SPACES.matcher(Normalizer.normalize(extracted.title(), Normalizer.Form.NFC)).replaceAll(" ").strip();
		List<String> paragraphs = new ArrayList<>();
		for (String raw : extracted.paragraphs()) {
			String paragraph = ODD_SPACES.matcher(LINE_BREAK.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" "))
				.replaceAll(" ")
				.strip();
			if (paragraph.isEmpty() || isBoilerplate(paragraph) || paragraphs.isEmpty() && paragraph.equals(title)) {
				continue;
			}
			paragraphs.add(paragraph);
		}
		return new CleanText(title, paragraphs);
	}

	private boolean isBoilerplate(String line) {
		for (Pattern pattern : boilerplate) {
			if (pattern.matcher(line).matches()) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSameTitle(String title, String line) {
		return title.equals(MARKDOWN_HEADING.matcher(line).replaceFirst(""));
	}

	private static void flush(StringBuilder paragraph, List<String> paragraphs) {
		if (!paragraph.isEmpty()) {
			paragraphs.add(paragraph.toString());
			paragraph.setLength(0);
		}
	}

	private static List<Pattern> loadPatterns() {
		InputStream stream = ArticleCleaner.class.getResourceAsStream(PATTERNS_RESOURCE);
		if (stream == null) {
			throw new IllegalStateException(PATTERNS_RESOURCE + " is missing from the classpath");
		}
		List<Pattern> patterns = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					patterns.add(Pattern.compile(line.strip()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return patterns;
	}

	/** What cleaning keeps of a text. */
	public record CleanText(String title, List<String> paragraphs) {

		public CleanText {
			paragraphs = List.copyOf(paragraphs);
		}

		public String text() {
			return title + "\n" + String.join("\n", paragraphs);
		}

	}

}
