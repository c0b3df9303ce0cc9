package org.passerelle.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property-style: over many random articles (seeded, so a failure can be replayed) with paragraphs from
 * a few words to several segments long, cutting loses nothing, repeats nothing, keeps the order, and
 * keeps every segment within its budget, as counted by the real tokenizer.
 */
class ArticleSplitterTests {

	private static final String[] WORDS = { "le", "gouvernement", "a", "annoncé", "mardi", "une", "réforme", "des",
			"retraites", "qui", "concerne", "millions", "de", "salariés", "selon", "l'Insee", "à", "Paris", "et",
			"Marseille", "dans", "un", "contexte", "économique", "difficile", "«", "»", "1 200", "21,4 %", "2027" };

	private final TokenCounter counter = TokenCounter.shared();

	private final ArticleSplitter splitter = new ArticleSplitter(counter::count);

	@Test
	void randomArticlesAreCutWithoutLossDuplicationOrOverflow() {
		for (long seed = 1; seed <= 300; seed++) {
			Random random = new Random(seed);
			List<String> paragraphs = randomParagraphs(random);
			int budget = 40 + random.nextInt(600);

			List<ArticleSplitter.Segment> segments = splitter.split(paragraphs, budget);

			List<ArticleSplitter.Piece> pieces = segments.stream().flatMap(segment -> segment.pieces().stream()).toList();
			// nothing lost or repeated, order kept: the pieces of each paragraph spell it exactly
			List<StringBuilder> rebuilt = new ArrayList<>();
			int previous = -1;
			for (ArticleSplitter.Piece piece : pieces) {
				assertThat(piece.paragraph()).as("seed %d: paragraph order", seed).isBetween(previous, previous + 1);
				if (piece.paragraph() > previous) {
					rebuilt.add(new StringBuilder());
					previous = piece.paragraph();
				}
				rebuilt.get(piece.paragraph()).append(piece.text());
			}
			assertThat(rebuilt.stream().map(StringBuilder::toString).toList()).as("seed %d", seed).isEqualTo(paragraphs);
			for (ArticleSplitter.Segment segment : segments) {
				int counted = segment.pieces().stream()
					.mapToInt(piece -> counter.count(piece.text()) + ArticleSplitter.TOKENS_PER_PIECE)
					.sum();
				assertThat(segment.tokens()).as("seed %d: recorded size is never below the real one", seed)
					.isGreaterThanOrEqualTo(counted);
				assertThat(counted).as("seed %d: segment within %d tokens", seed, budget).isLessThanOrEqualTo(budget);
			}
		}
	}

	@Test
	void translatedPiecesGoBackIntoTheirParagraphs() {
		for (long seed = 1; seed <= 100; seed++) {
			Random random = new Random(seed);
			List<String> paragraphs = randomParagraphs(random);
			List<ArticleSplitter.Piece> pieces = splitter.split(paragraphs, 40 + random.nextInt(300))
				.stream()
				.flatMap(segment -> segment.pieces().stream())
				.toList();
			List<String> translations = pieces.stream().map(piece -> "[" + piece.paragraph() + "]").toList();

			List<String> reassembled = ArticleSplitter.reassemble(pieces, translations);

			assertThat(reassembled).as("seed %d", seed).hasSameSizeAs(paragraphs);
			for (int i = 0; i < reassembled.size(); i++) {
				assertThat(reassembled.get(i).split(" ")).as("seed %d", seed).containsOnly("[" + i + "]");
			}
		}
	}

	@Test
	void anArticleThatFitsIsOneSegmentAndAParagraphIsNeverCutWhenItFits() {
		List<String> paragraphs = List.of("Premier paragraphe.", "Deuxième paragraphe, un peu plus long que le premier.");

		assertThat(splitter.split(paragraphs, 1000)).singleElement()
			.satisfies(segment -> assertThat(segment.texts()).isEqualTo(paragraphs));
		assertThat(splitter.split(paragraphs, 30)).hasSize(2)
			.allSatisfy(segment -> assertThat(segment.pieces()).hasSize(1));
	}

	@Test
	void aWordLongerThanASegmentIsCutRatherThanLost() {
		String url = "https://example.org/" + "x".repeat(3000);

		List<ArticleSplitter.Segment> segments = splitter.split(List.of(url), 50);

		assertThat(segments).hasSizeGreaterThan(1);
		assertThat(String.join("", segments.stream().flatMap(segment -> segment.texts().stream()).toList())).isEqualTo(url);
	}

	@Test
	void aBudgetTooSmallForAnyTextIsRefused() {
		assertThatThrownBy(() -> splitter.split(List.of("Un texte."), 5)).isInstanceOf(IllegalArgumentException.class);
	}

	/** One to twelve paragraphs; most are short, some run to thousands of words, some are one long sentence. */
	private static List<String> randomParagraphs(Random random) {
		List<String> paragraphs = new ArrayList<>();
		int count = 1 + random.nextInt(12);
		for (int p = 0; p < count; p++) {
			int words = switch (random.nextInt(4)) {
				case 0 -> 1 + random.nextInt(10);
				case 1, 2 -> 20 + random.nextInt(150);
				default -> 300 + random.nextInt(2500);
			};
			boolean oneSentence = random.nextInt(5) == 0;
			StringBuilder text = new StringBuilder();
			for (int w = 0; w < words; w++) {
				text.append(w == 0 ? "" : random.nextInt(15) == 0 && !oneSentence ? ". " : " ");
				text.append(WORDS[random.nextInt(WORDS.length)]);
			}
			paragraphs.add(text.append('.').toString());
		}
		return paragraphs;
	}

}
