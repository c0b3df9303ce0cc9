package org.passerelle.article;

import java.util.Optional;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Which language a text is in, by Lingua's statistical models. Limited to the languages a French news
 * folder is likely to hold by mistake, in low-accuracy mode (trigrams only): enough for whole articles,
 * and light on memory. Texts too short to judge get no answer rather than a guess.
 */
public final class LanguageGuess {

	/** Below this many letters, a guess is not worth acting on. */
	static final int MIN_LETTERS = 40;

	private static final LanguageGuess SHARED = new LanguageGuess();

	private final LanguageDetector detector = LanguageDetectorBuilder
		.fromLanguages(Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
				Language.PORTUGUESE, Language.DUTCH, Language.ARABIC, Language.RUSSIAN, Language.TURKISH)
		.withLowAccuracyMode()
		.build();

	private LanguageGuess() {
	}

	/** One detector for the whole process: its models are loaded once, and it is safe to share between threads. */
	public static LanguageGuess shared() {
		return SHARED;
	}

	/** The language's English name in lower case ("french", "english"...), or empty when unsure. */
	public Optional<String> of(String text) {
		if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
			return Optional.empty();
		}
		Language language = detector.detectLanguageOf(text);
		return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language.name().toLowerCase(java.util.Locale.ROOT));
	}

	public boolean isClearlyFrench(String text) {
		return of(text).filter("french"::equals).isPresent();
	}

}
