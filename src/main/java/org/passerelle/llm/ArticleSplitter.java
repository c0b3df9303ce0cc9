package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an article's paragraphs into segments that each fit one request. Cuts fall between paragraphs;
 * a paragraph too long for a segment on its own is cut between sentences (between words for a sentence
 * that is still too long), and its pieces are joined back after translation. Nothing is dropped or
 * repeated: the pieces of a paragraph, concatenated, are exactly the paragraph.
 */
public final class ArticleSplitter {

	/** Segment text appears as a JSON string in a list: quotes and a comma per piece. */
	static final int TOKENS_PER_PIECE = 2;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…»\"”])\\s+");

	private static final Pattern WORD_END = Pattern.compile("(?<=\\S)\\s+");

	private final ToIntFunction<String> tokens;

	public ArticleSplitter(ToIntFunction<String> tokens) {
		this.tokens = tokens;
	}

	/** A piece of paragraph {@code paragraph} (0-based); a short paragraph is a single piece. */
	public record Piece(int paragraph, String text) {
	}

	/** Pieces sent together in one request, in article order. */
	public record Segment(List<Piece> pieces, int tokens) {

		public Segment {
			pieces = List.copyOf(pieces);
		}

		public List<String> texts() {
			return pieces.stream().map(Piece::text).toList();
		}

	}

	/**
	 * Segments of at most {@code maxTokens} tokens each (counting {@link #TOKENS_PER_PIECE} per piece).
	 * @throws IllegalArgumentException when the budget cannot hold even a few words
	 */
	public List<Segment> split(List<String> paragraphs, int maxTokens) {
		if (maxTokens < 16) {
			throw new IllegalArgumentException("a segment of " + maxTokens + " tokens cannot hold any text");
		}
		int bound = upperBound(paragraphs);
		if (bound <= maxTokens) {
			// surely fits: most articles skip tokenizing altogether
			List<Piece> pieces = new ArrayList<>();
			for (int index = 0; index < paragraphs.size(); index++) {
				pieces.add(new Piece(index, paragraphs.get(index)));
			}
			return List.of(new Segment(pieces, bound));
		}
		List<Segment> segments = new ArrayList<>();
		List<Piece> current = new ArrayList<>();
		int currentTokens = 0;
		for (int index = 0; index < paragraphs.size(); index++) {
			for (String text : pieces(paragraphs.get(index), maxTokens - TOKENS_PER_PIECE)) {
				int size = tokens.applyAsInt(text) + TOKENS_PER_PIECE;
				if (!current.isEmpty() && currentTokens + size > maxTokens) {
					segments.add(new Segment(current, currentTokens));
					current = new ArrayList<>();
					currentTokens = 0;
				}
				current.add(new Piece(index, text));
				currentTokens += size;
			}
		}
		if (!current.isEmpty()) {
			segments.add(new Segment(current, currentTokens));
		}
		return segments;
	}

	/**
	 * More tokens than these paragraphs can take: a token covers at least one character in any
	 * tokenizer worth the name, plus the margin and each piece's overhead.
	 */
	private static int upperBound(List<String> paragraphs) {
		long chars = 0;
		for (String paragraph : paragraphs) {
			chars += paragraph.length();
		}
		long bound = (long) Math.ceil(chars * TokenCounter.MARGIN) + (long) TOKENS_PER_PIECE * paragraphs.size();
		return (int) Math.min(bound, Integer.MAX_VALUE);
	}

	/**
	 * Puts translated pieces back into paragraphs: pieces of one source paragraph are joined with a
	 * space. {@code translations} holds one text per piece, in the order of {@code pieces}.
	 */
	public static List<String> reassemble(List<Piece> pieces, List<String> translations) {
		if (pieces.size() != translations.size()) {
			throw new IllegalArgumentException(translations.size() + " translations for " + pieces.size() + " pieces");
		}
		List<String> paragraphs = new ArrayList<>();
		int last = -1;
		for (int i = 0; i < pieces.size(); i++) {
			String text = translations.get(i).strip();
			if (pieces.get(i).paragraph() == last) {
				int end = paragraphs.size() - 1;
				paragraphs.set(end, paragraphs.get(end) + " " + text);
			}
			else {
				paragraphs.add(text);
				last = pieces.get(i).paragraph();
			}
		}
		return paragraphs;
	}

	/** The paragraph itself when it fits, else consecutive pieces of it that each fit. */
	private List<String> pieces(String paragraph, int maxTokens) {
		if (tokens.applyAsInt(paragraph) <= maxTokens) {
			return List.of(paragraph);
		}
		List<String> pieces = new ArrayList<>();
		for (String sentence : cutAfter(paragraph, SENTENCE_END)) {
			if (tokens.applyAsInt(sentence) <= maxTokens) {
				pieces.add(sentence);
			}
			else {
				for (String word : cutAfter(sentence, WORD_END)) {
					pieces.addAll(tokens.applyAsInt(word) <= maxTokens ? List.of(word) : halves(word, maxTokens));
				}
			}
		}
		return packed(pieces, maxTokens);
	}

	/** Cuts after each match, keeping the matched whitespace at the end of the piece before it. */
	private static List<String> cutAfter(String text, Pattern boundary) {
		List<String> parts = new ArrayList<>();
		Matcher matcher = boundary.matcher(text);
		int start = 0;
		while (matcher.find()) {
			parts.add(text.substring(start, matcher.end()));
			start = matcher.end();
		}
		if (start < text.length()) {
			parts.add(text.substring(start));
		}
		return parts;
	}

	/** A "word" longer than a whole segment (a URL, garbage): cut in halves until each half fits. */
	private List<String> halves(String text, int maxTokens) {
		if (text.length() < 2 || tokens.applyAsInt(text) <= maxTokens) {
			return List.of(text);
		}
		int middle = text.length() / 2;
		if (Character.isHighSurrogate(text.charAt(middle - 1))) {
			middle++;
		}
		List<String> parts = new ArrayList<>(halves(text.substring(0, middle), maxTokens));
		parts.addAll(halves(text.substring(middle), maxTokens));
		return parts;
	}

	/** Joins neighbouring small parts back together while they fit, so a long paragraph is cut as little as possible. */
	private List<String> packed(List<String> parts, int maxTokens) {
		List<String> packed = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String part : parts) {
			if (current.length() > 0 && tokens.applyAsInt(current + part) > maxTokens) {
				packed.add(current.toString());
				current.setLength(0);
			}
			current.append(part);
		}
		if (current.length() > 0) {
			packed.add(current.toString());
		}
		return packed;
	}

}
