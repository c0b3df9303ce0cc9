package org.passerelle.quality.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reference translations in a folder, found for each article by its name: {@code <name>.ref.en.txt} or
 * {@code <name>.en.txt} (where {@code <name>} is what the article's outputs are named after, so
 * {@code politique/budget} or {@code dumps/nuit.jsonl/12}; a name ending in {@code .fr} also without it),
 * else a file at the article's own path, the folder mirroring the input. A reference reads like a text
 * article: its title on the first line, then its paragraphs, separated by blank lines (or one a line
 * when there is no blank line).
 */
public final class References {

	private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");

	private static final Pattern LINE = Pattern.compile("\\n");

	private References() {
	}

	/** The reference for the article whose outputs are named {@code name}, read from {@code articleId}. */
	public static Optional<Path> find(Path folder, String name, String articleId) {
		List<String> candidates = new ArrayList<>(List.of(name + ".ref.en.txt", name + ".en.txt"));
		if (name.endsWith(".fr")) {
			String bare = name.substring(0, name.length() - 3);
			candidates.add(bare + ".ref.en.txt");
			candidates.add(bare + ".en.txt");
		}
		if (!articleId.contains("#")) {
			candidates.add(articleId);
		}
		for (String candidate : candidates) {
			Path file = folder.resolve(candidate);
			if (Files.isRegularFile(file)) {
				return Optional.of(file);
			}
		}
		return Optional.empty();
	}

	/** The segments of a reference: its title, then each paragraph. */
	public static List<String> segments(Path file) {
		String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "").replaceAll("\r\n?", "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the reference " + file, ex);
		}
		String body = text.strip();
		if (body.isEmpty()) {
			return List.of();
		}
		int endOfTitle = body.indexOf('\n');
		List<String> segments = new ArrayList<>(List.of(endOfTitle < 0 ? body : body.substring(0, endOfTitle).strip()));
		String rest = endOfTitle < 0 ? "" : body.substring(endOfTitle).strip();
		boolean blankLines = BLANK_LINE.matcher(rest).find();
		for (String block : (blankLines ? BLANK_LINE : LINE).split(rest)) {
			String paragraph = String.join(" ", Whitespace.split(block));
			if (!paragraph.isEmpty()) {
				segments.add(paragraph);
			}
		}
		return segments;
	}

}
