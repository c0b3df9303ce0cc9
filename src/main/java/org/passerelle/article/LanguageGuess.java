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

	/**
	 * Longer texts are judged on three excerpts of this many characters (start, middle, end): as sure a
	 * guess as the whole text gives, at a cost that does not grow with the article.
	 */
	static final int EXCERPT_CHARS = 250;

	private static final LanguageGuess SHARED = new LanguageGuess();

	private final LanguageDetector detector = LanguageDetectorBuilder
		.fromLanguages(Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
				Language.PORTUGUESE, Language.DUTCH, Language.ARABIC, Language.RUSSIAN, Language.TURKISH)
		.withLowAccuracyMode()
		.withPreloadedLanguageModels()
		.build();

	private LanguageGuess() {
	}

	/**
	 * One detector for the whole process: its models are loaded once, when this is first called (a
	 * second or so), and it is safe to share between threads.
	 */
	public static LanguageGuess shared() {
		return SHARED;
	}

	/** The language's English name in lower case ("french", "english"...), or empty when unsure. */
	public Optional<String> of(String text) {
		if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
			return Optional.empty();
		}
		Language language = detector.detectLanguageOf(excerpts(text));
		return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language.name().toLowerCase(java.util.Locale.ROOT));
	}

	static String excerpts(String text) {
		if (text.length() <= 3 * EXCERPT_CHARS) {
			return text;
		}
		int middle = (text.length() - EXCERPT_CHARS) / 2;
		return text.substring(0, EXCERPT_CHARS) + " " + text.substring(middle, middle + EXCERPT_CHARS) + " "
				+ text.substring(text.length() - EXCERPT_CHARS);
	}

	public boolean isClearlyFrench(String text) {
		return of(text).filter("french"::equals).isPresent();
	}

}
