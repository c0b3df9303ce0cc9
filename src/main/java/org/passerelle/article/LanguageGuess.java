package org.passerelle.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Which language a text is in, by Lingua's statistical models. Limited to the languages a French news
 * folder is likely to hold by mistake, in low-accuracy mode (trigrams only): enough for whole articles,
 * and light on memory. Texts too short to judge get no answer rather than a guess. Text that is plainly
 * French by its little words ({@link FrenchFunctionWords}), as almost every article is, is not sent
 * through Lingua at all.
 */
public final class LanguageGuess {

	/** Below this many letters, a guess is not worth acting on. */
	static final int MIN_LETTERS = 40;

	/**
	 * Longer texts are judged on three excerpts of this many characters (start, middle, end): as sure a
	 * guess as the whole text gives, at a cost that does not grow with the article.
	 */
	static final int EXCERPT_CHARS = 250;

	/**
	 * The languages told apart. The build packs only their trigram models (pom.xml, lingua-models-used):
	 * a language added here must be added there too.
	 */
	static final List<Language> LANGUAGES = List.of(Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH,
			Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.ARABIC, Language.RUSSIAN, Language.TURKISH);

	private static final LanguageGuess SHARED = new LanguageGuess();

	private final LanguageDetector detector;

	private LanguageGuess() {
		requireModels();
		detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new))
			.withLowAccuracyMode()
			.withPreloadedLanguageModels()
			.build();
	}

	/**
	 * Lingua takes a missing model for an empty one and then guesses wrong without a word; low-accuracy
	 * mode reads the trigram models only, so those are what must be there.
	 */
	static void requireModels() {
		for (Language language : LANGUAGES) {
			String model = modelResource(language);
			if (Language.class.getResource(model) == null) {
				throw new IllegalStateException("Lingua's model " + model + " is missing from the build");
			}
		}
	}

	static String modelResource(Language language) {
		return "/language-models/" + language.getIsoCode639_1().name().toLowerCase(Locale.ROOT) + "/trigrams.json";
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
		if (!hasLetters(text, MIN_LETTERS)) {
			return Optional.empty();
		}
		String excerpts = excerpts(text);
		if (FrenchFunctionWords.plainlyFrench(excerpts)) {
			return Optional.of("french");
		}
		Language language = detector.detectLanguageOf(excerpts);
		return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language.name().toLowerCase(Locale.ROOT));
	}

	private static boolean hasLetters(String text, int wanted) {
		int letters = 0;
		for (int i = 0; i < text.length() && letters < wanted; i++) {
			if (Character.isLetter(text.charAt(i))) {
				letters++;
			}
		}
		return letters >= wanted;
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
