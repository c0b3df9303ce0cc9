package org.passerelle.quality.score;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * sacreBLEU's own chrF test cases (its repository's {@code test/test_chrf.py}), each expected score to
 * sacreBLEU's tolerance of 1e-4.
 */
class ChrfTests {

	private static final double EPSILON = 1e-4;

	/** One reference a segment, as sacreBLEU's tests give them. */
	private static List<List<String>> oneEach(List<String> references) {
		return references.stream().map(List::of).toList();
	}

	static Stream<Arguments> epsilonSmoothing() {
		return Stream.of(Arguments.of(List.of("abcdefg"), List.of("hijklmnop"), 0.0),
				Arguments.of(List.of("a"), List.of("b"), 0.0), Arguments.of(List.of(""), List.of("b"), 0.0),
				Arguments.of(List.of(""), List.of("ref"), 0.0), Arguments.of(List.of(""), List.of("reference"), 0.0),
				Arguments.of(List.of("aa"), List.of("ab"), 8.3333), Arguments.of(List.of("a", "b"), List.of("a", "c"), 8.3333),
				Arguments.of(List.of("a"), List.of("a"), 16.6667), Arguments.of(List.of("a b c"), List.of("a b c"), 50.0),
				Arguments.of(List.of("a b c"), List.of("abc"), 50.0),
				Arguments.of(List.of(" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
						List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."),
						63.361730),
				Arguments.of(List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
						List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 64.1302698),
				Arguments.of(List.of("Niemand hat die Absicht, eine Mauer zu errichten"),
						List.of("Niemand hat die Absicht, eine Mauer zu errichten"), 100.0));
	}

	@ParameterizedTest
	@MethodSource
	void epsilonSmoothing(List<String> hypotheses, List<String> references, double expected) {
		Chrf chrf = new Chrf(6, 0, 3, false, false, true);

		assertThat(chrf.corpusScore(hypotheses, oneEach(references))).isCloseTo(expected, within(EPSILON));
	}

	static Stream<Arguments> effectiveOrder() {
		return Stream.of(Arguments.of(List.of("a"), List.of("a"), 100.0), Arguments.of(List.of(""), List.of("reference"), 0.0),
				Arguments.of(List.of("a b c"), List.of("a b c"), 100.0), Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
				Arguments.of(List.of(""), List.of("c"), 0.0), Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
				Arguments.of(List.of("aa"), List.of("ab"), 25.0));
	}

	@ParameterizedTest
	@MethodSource
	void effectiveOrder(List<String> hypotheses, List<String> references, double expected) {
		Chrf chrf = new Chrf(6, 0, 3, false, false, false);

		assertThat(chrf.corpusScore(hypotheses, oneEach(references))).isCloseTo(expected, within(EPSILON));
	}

	static Stream<Arguments> keepWhitespace() {
		return Stream.of(
				Arguments.of(List.of("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."),
						List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 67.3481606),
				Arguments.of(List.of("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
						List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."),
						65.2414427));
	}

	@ParameterizedTest
	@MethodSource
	void keepWhitespace(List<String> hypotheses, List<String> references, double expected) {
		Chrf chrf = new Chrf(6, 0, 3, false, true, false);

		assertThat(chrf.corpusScore(hypotheses, oneEach(references))).isCloseTo(expected, within(EPSILON));
	}

	static Stream<Arguments> sentenceLevel() {
		return Stream.of(
				Arguments.of("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
						List.of("Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."), 39.14078509),
				Arguments.of("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
						List.of("A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."), 31.22557079),
				Arguments.of("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
						List.of("Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."), 57.15704367));
	}

	@ParameterizedTest
	@MethodSource
	void sentenceLevel(String hypothesis, List<String> references, double expected) {
		// sentence_chrf's defaults (chrF2), with epsilon smoothing as the test asks
		Chrf chrf = new Chrf(6, 0, 2, false, false, true);

		assertThat(chrf.sentenceScore(hypothesis, references)).isCloseTo(expected, within(EPSILON));
	}

}
