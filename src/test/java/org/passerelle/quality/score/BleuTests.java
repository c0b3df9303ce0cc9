package org.passerelle.quality.score;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * sacreBLEU's own BLEU test cases (its repository's {@code test/test_bleu.py}), to sacreBLEU's
 * tolerance of 1e-8 where it has one.
 */
class BleuTests {

	private static final double EPSILON = 1e-8;

	/** sacreBLEU's {@code raw_corpus_bleu}: no tokenisation, floor smoothing, effective order. */
	private static Bleu raw(Double floor) {
		return new Bleu(false, BleuTokenizer.NONE, Bleu.Smoothing.FLOOR, floor, 4, true);
	}

	/** Reference streams (one list per reference set, as sacreBLEU takes them) as one list of references a segment. */
	private static List<List<String>> bySegment(List<List<String>> streams) {
		return java.util.stream.IntStream.range(0, streams.get(0).size())
			.mapToObj(i -> streams.stream().map(stream -> stream.get(i)).toList())
			.toList();
	}

	private static final List<List<String>> REFERENCES = List.of(
			List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
			List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));

	private static final List<String> HYPOTHESES = List.of("The dog bit the man.", "It wasn't surprising.",
			"The man had just bitten him.");

	static Stream<Arguments> rawBleu() {
		return Stream.of(Arguments.of(List.of("this is a test", "another test"), List.of(List.of("ref1", "ref2")), 0.0),
				Arguments.of(List.of("this is a test"), List.of(List.of("this is a test")), 1.0),
				Arguments.of(List.of("this is a fest"), List.of(List.of("this is a test")), 0.223606797749979));
	}

	@ParameterizedTest
	@MethodSource
	void rawBleu(List<String> hypotheses, List<List<String>> references, double expected) {
		assertThat(raw(0.01).corpusScore(hypotheses, bySegment(references)).score() / 100).isCloseTo(expected, within(EPSILON));
	}

	static Stream<Arguments> corpusBleu() {
		Bleu bleu = Bleu.DEFAULT;
		return Stream.of(Arguments.of(HYPOTHESES, bleu, 48.530827),
				Arguments.of(List.of("", "", ""), bleu, 0.0),
				Arguments.of(HYPOTHESES, new Bleu(false, BleuTokenizer.NONE, Bleu.Smoothing.EXP, null, 4, false), 49.1919566),
				Arguments.of(HYPOTHESES, new Bleu(false, BleuTokenizer.TOKENIZE_13A, Bleu.Smoothing.EXP, null, 4, false), 48.530827),
				Arguments.of(HYPOTHESES, new Bleu(false, BleuTokenizer.INTL, Bleu.Smoothing.EXP, null, 4, false), 43.91623493),
				Arguments.of(HYPOTHESES, new Bleu(false, BleuTokenizer.TOKENIZE_13A, Bleu.Smoothing.NONE, null, 4, false), 48.530827));
	}

	@ParameterizedTest
	@MethodSource
	void corpusBleu(List<String> hypotheses, Bleu bleu, double expected) {
		assertThat(bleu.corpusScore(hypotheses, bySegment(REFERENCES)).score()).isCloseTo(expected, within(EPSILON));
	}

	@Test
	void offset() {
		List<String> hypothesis = List.of("am I am a character sequence");
		List<List<String>> reference = bySegment(List.of(List.of("I am a symbol string sequence a a")));

		assertThat(raw(0.0).corpusScore(hypothesis, reference).score() / 100).isCloseTo(0.0, within(EPSILON));
		assertThat(raw(null).corpusScore(hypothesis, reference).score() / 100).isCloseTo(0.1555722182, within(EPSILON));
	}

	@Test
	void statistics() {
		Bleu.Score score = raw(0.01).corpusScore(List.of("am I am a character sequence"),
				bySegment(List.of(List.of("I am a symbol string sequence a a"))));

		assertThat(score.correct()).containsExactly(4, 2, 1, 0);
		assertThat(score.total()).containsExactly(6, 5, 4, 3);
	}

	@Test
	void scoring() {
		Bleu.Score score = Bleu.compute(new double[] { 9, 7, 5, 3 }, new double[] { 10, 8, 6, 4 }, 11, 11,
				Bleu.Smoothing.NONE, null, false, 4);

		assertThat(score.score() / 100).isCloseTo(0.8375922397, within(EPSILON));
	}

	static Stream<Arguments> effectiveOrder() {
		return Stream.of(Arguments.of("test", "a test", 0.3678794411714425), Arguments.of("a test", "a test", 1.0),
				Arguments.of("a little test", "a test", 0.03218297948685433));
	}

	@ParameterizedTest
	@MethodSource
	void effectiveOrder(String hypothesis, String reference, double expected) {
		assertThat(raw(0.01).corpusScore(List.of(hypothesis), List.of(List.of(reference))).score() / 100)
			.isCloseTo(expected, within(EPSILON));
	}

	static Stream<Arguments> degenerateStatistics() {
		return Stream.of(Arguments.of(new double[] { 0, 0, 0, 0 }, new double[] { 4, 4, 2, 1 }, 0, 1, 0.0),
				Arguments.of(new double[] { 0, 0, 0, 0 }, new double[] { 10, 11, 12, 0 }, 14, 10, 0.0),
				Arguments.of(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 0, 0, 0.0),
				Arguments.of(new double[] { 6, 5, 4, 0 }, new double[] { 6, 5, 4, 3 }, 6, 6, 0.0),
				Arguments.of(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 0, 0, 0.1),
				Arguments.of(new double[] { 0, 0, 0, 0 }, new double[] { 0, 0, 0, 0 }, 1, 5, 0.01));
	}

	@ParameterizedTest
	@MethodSource
	void degenerateStatistics(double[] correct, double[] total, long hypothesisLength, long referenceLength, double offset) {
		Bleu.Score score = Bleu.compute(correct, total, hypothesisLength, referenceLength, Bleu.Smoothing.FLOOR, offset,
				false, 4);

		assertThat(score.score() / 100).isEqualTo(0.0);
	}

	static Stream<Arguments> maxNgramOrder() {
		return Stream.of(Arguments.of(1, "77.65"), Arguments.of(2, "60.50"), Arguments.of(3, "53.93"),
				Arguments.of(4, "48.53"), Arguments.of(5, "46.14"), Arguments.of(6, "43.28"));
	}

	@ParameterizedTest
	@MethodSource
	void maxNgramOrder(int order, String expected) {
		Bleu bleu = new Bleu(false, BleuTokenizer.TOKENIZE_13A, Bleu.Smoothing.EXP, null, order, false);

		assertThat(String.format(java.util.Locale.ROOT, "%.2f", bleu.corpusScore(HYPOTHESES, bySegment(REFERENCES)).score()))
			.isEqualTo(expected);
	}

}
