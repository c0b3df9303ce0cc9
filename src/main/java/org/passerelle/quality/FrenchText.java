package org.passerelle.quality;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text is still French, judged on what names cannot fake: the common little words of
 * French and of English (articles, prepositions, pronouns, auxiliaries) among the words that are not
 * capitalised. English prose full of French names ("the Observatoire syrien des droits de l'homme
 * reports 311 dead") keeps its "the", "of" and "reports"; French left as it is has almost no English
 * function word at all. Lower-case words with French accents count as French too. A statistical detector,
 * trained on whole texts, judges such English French.
 */
public final class FrenchText {

	/** A text needs this many French function words before it can be judged French. */
	static final int MIN_FRENCH_WORDS = 3;

	/** Below this share of English among the function words found, a text is French. */
	static final double MAX_ENGLISH_SHARE = 0.25;

	/** Sentences shorter than this, in lower-case words, are judged only as part of their paragraph. */
	static final int MIN_SENTENCE_WORDS = 6;

	// words that are also common English words (a, on, an, or, but, son, car, plus, pour...) are left out
	private static final Set<String> FRENCH = Set.of("le", "la", "les", "un", "une", "des", "du", "de", "au", "aux",
			"et", "est", "sont", "était", "étaient", "été", "être", "avoir", "ont", "avait", "avaient", "sera", "seront",
			"il", "ils", "elle", "elles", "nous", "vous", "je", "ce", "cet", "cette", "ces", "qui", "que", "quoi", "où",
			"dans", "sur", "avec", "sous", "chez", "entre", "vers", "depuis", "pendant", "mais", "donc", "ni", "ne",
			"pas", "moins", "très", "aussi", "déjà", "encore", "toujours", "leur", "leurs", "sa", "ses", "notre", "nos",
			"votre", "vos", "mon", "ma", "mes", "lui", "se", "selon", "comme", "ainsi", "même", "tous", "toutes",
			"toute", "autre", "autres", "deux", "trois", "cela", "ça", "celui", "celle", "ceux", "peut", "doit", "faire",
			"dit", "après", "avant", "lors", "contre", "en", "ou", "si", "dès", "puis", "ici", "là", "jamais", "rien",
			"quand", "comment", "pourquoi", "chaque", "plusieurs", "beaucoup", "peu", "lequel", "laquelle", "lesquels",
			"tandis", "parce", "afin", "notamment", "également", "cependant", "toutefois", "alors", "dont", "fois", "ans", "année", "près", "sans", "avons", "avez", "suis", "sommes", "êtes", "fait", "faut");

	private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "is", "was", "were", "are", "be",
			"been", "being", "has", "have", "had", "having", "that", "which", "who", "whom", "whose", "with", "from",
			"by", "for", "at", "this", "these", "those", "it", "its", "they", "their", "them", "he", "his", "him", "she",
			"her", "we", "our", "us", "you", "your", "will", "would", "could", "should", "can", "may", "might", "must",
			"not", "after", "over", "into", "than", "about", "against", "between", "during", "while", "when", "where",
			"what", "there", "also", "said", "says", "told", "according", "more", "most", "some", "any", "such", "only",
			"other", "because", "before", "under", "since", "until", "did", "does", "do", "as", "if", "so", "up", "out",
			"all", "one", "two", "new", "just", "now", "then", "how", "why", "very", "many", "much", "each", "both",
			"here", "through", "among", "without", "within", "across", "around", "off", "yet", "still", "'s", "'t", "'re",
			"'ve", "'ll", "no", "made", "make", "like", "people", "year", "years", "last", "first", "week");

	private static final Set<String> ELISIONS = Set.of("l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu",
			"puisqu", "quelqu");

	private static final Set<String> CONTRACTIONS = Set.of("s", "t", "re", "ve", "ll", "d", "m");

	private static final Pattern WORD = Pattern.compile("(\\p{L}+)(?:['’](\\p{L}+))?");

	/** English borrows few words with these (café, naïve), and capitalised names are not counted. */
	private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêëàâçùûôîïœ]");

	private FrenchText() {
	}

	/** The function words counted in a text. */
	record Counts(int french, int english, int words) {

		boolean isFrench() {
			if (english == 0 && french >= 2 && words >= MIN_SENTENCE_WORDS) {
				return true; // six words of English without one "the", "of" or "is" do not happen
			}
			return french >= MIN_FRENCH_WORDS && english < MAX_ENGLISH_SHARE * (english + french);
		}

	}

	/** True when the text reads as French: many French function words and few English ones. */
	public static boolean isFrench(String text) {
		return count(text).isFrench();
	}

	/**
	 * True when the text, or one sentence of it long enough to judge, is still French: a paragraph with
	 * one French sentence left among English ones.
	 */
	public static boolean hasFrench(String text) {
		if (isFrench(text)) {
			return true;
		}
		List<String> sentences = Sentences.split(text);
		if (sentences.size() < 2) {
			return false;
		}
		for (String sentence : sentences) {
			Counts counts = count(sentence);
			if (counts.words() >= MIN_SENTENCE_WORDS && counts.isFrench()) {
				return true;
			}
		}
		return false;
	}

	static Counts count(String text) {
		int french = 0;
		int english = 0;
		int words = 0;
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			String word = matcher.group(1);
			String after = matcher.group(2);
			if (after != null && matcher.group().equalsIgnoreCase("aujourd'hui")) {
				french++;
				words++;
				continue;
			}
			if (after != null && ELISIONS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
				// l'homme, d'Alep, qu'il: the elision is French whatever follows
				french++;
				word = after;
				after = null;
			}
			else if (after != null && CONTRACTIONS.contains(after)) {
				english++;
				after = null;
			}
			for (String each : after == null ? List.of(word) : List.of(word, after)) {
				// capitalised words are names, or start a sentence: they say nothing of the language
				if (!Character.isLowerCase(each.charAt(0))) {
					continue;
				}
				words++;
				if (FRENCH.contains(each) || FRENCH_LETTERS.matcher(each).find()) {
					french++;
				}
				else if (ENGLISH.contains(each)) {
					english++;
				}
			}
		}
		return new Counts(french, english, words);
	}

}
