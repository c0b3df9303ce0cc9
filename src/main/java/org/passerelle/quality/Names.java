package org.passerelle.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of people in a French text, and which of them an English text leaves out or spells
 * otherwise. Places and organisations take their usual English form (Alep, Aleppo; OSDH, SOHR), so they
 * are the glossary's business; people's names are not translated. A name is taken to be a person's
 * when it is part of a run of capitalised words ("Jean-Luc Mélenchon", "Marine Le Pen", "Oussama ben
 * Laden"), or appears alone after such a run introduced it; not when the run follows a word of place
 * ("en Asie du Sud-Est", "au Burkina Faso", "près de La Rochelle"). It is there when the English has it, with
 * or without accents, or has its usual English form ({@code quality/french-names.tsv}: Poutine, Putin).
 */
public final class Names {

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-'’]\\p{L}[\\p{L}\\p{M}]*)*");

	private static final Pattern ELIDED = Pattern.compile("^(?:[LDJNSCldjnsc]|[Qq]u|[Jj]usqu|[Ll]orsqu)['’]");

	/** "al-Joulani", "el-Sissi", "ben-Ali": a name after a lower-case particle. */
	private static final Pattern PREFIXED_NAME = Pattern.compile("(?:al|el|ben|bin|ibn|abou|abu|van|von|de|di|da)-\\p{Lu}.+");

	private static final Pattern ROMAN = Pattern.compile("[IVXLC]+(?:e|er|ème)?");

	/** What separates words; compiled once, as folding and splitting run for every paragraph. */
	static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	/** One space, as between the words of a name ("Marine Le Pen"), not a line break or punctuation. */
	private static final Pattern NAME_SPACE = Pattern.compile("[ \\t\\u00A0\\u202F]");


	/** Lower-case words that belong inside a person's name: Charles de Gaulle, Oussama ben Laden. */
	private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d'", "van", "von", "der", "den", "ben", "bin",
			"al", "el", "di", "da", "dos", "das", "del", "la", "le", "y", "ibn", "abou", "abu");

	/**
	 * Capitalised words that are titles or common nouns, not people's names (or not the part that
	 * matters: "Le" of Le Pen): "Professeur Smith" names Smith, "Mère Supérieure" names no one.
	 */
	private static final Set<String> NOT_NAMES = Set.of("Le", "La", "Les", "Un", "Une", "Des", "De", "Du", "Et", "En",
			"Au", "Aux", "Il", "Ils", "Elle", "Elles", "On", "Ce", "Ces", "Cette", "Mais", "Pour", "Par", "Sur", "Dans",
			"Avec", "Selon", "St", "Ste", "Saint", "Sainte", "Premier", "Première", "Ministre", "Mère", "Père", "Hôtel", "Ville", "Association", "Comité", "Conseil",
			"Chambre", "Cour", "Tribunal", "Banque", "Trésor", "Ministère", "Assemblée", "Sénat", "Parti", "Union",
			"Front", "Mouvement", "Rassemblement", "Fédération", "Institut", "Université", "Collège", "Lycée", "École",
			"Académie", "Musée", "Église", "Cathédrale", "Palais", "Place", "Quai", "Rue", "Avenue", "Boulevard", "Pont", "Gare",
			"Aéroport", "Port", "Mont", "Monts", "Lac", "Mer", "Océan", "Golfe", "Baie", "Côte", "Côtes", "Vallée", "Val", "Plaine", "Massif", "Forêt", "Canal", "Détroit", "Île", "Îles", "Pays", "Cap", "Province", "Région", "Comté",
			"État", "États", "Etat", "Etats", "République", "Royaume", "Empire", "Grand", "Grande", "Petit", "Petite",
			"Nouveau", "Nouvelle", "Nord", "Sud", "Est", "Ouest", "Centre", "National", "Nationale", "Supérieur",
			"Supérieure", "Prix", "Coupe", "Jeux", "Légende", "Voix", "Primaires", "Intérieur", "Santé", "Justice",
			"Défense", "Affaires", "Commission", "Agence", "Office", "Service", "Bureau", "Fondation",
			"Société", "Compagnie", "Groupe", "Club", "Équipe", "Armée", "Marine", "Police", "Garde", "Conférence",
			"Sommet", "Traité", "Accord", "Loi", "Code", "Charte", "Déclaration", "Révolution", "Guerre", "Internet");

	/**
	 * Words after which a run of capitalised words names a place, not a person: "en Asie du Sud-Est",
	 * "au Burkina Faso", "dans le Pas-de-Calais", "au nord de Los Angeles". Not "à", which introduces
	 * people as often as places ("a écrit à Marine Le Pen").
	 */
	private static final Set<String> PLACE_BEFORE = Set.of("en", "au", "aux", "dans", "vers", "depuis", "via",
			"outre", "près", "nord", "sud", "ouest", "nord-est", "nord-ouest",
			"sud-est", "sud-ouest", "centre", "banlieue", "région", "environs", "large", "frontière", "province", "ville",
			"département", "commune", "capitale", "habitants", "originaire", "originaires", "côtes", "côte");

	/** Titles before a person's name: "Professeur Smith" names Smith. */
	private static final Set<String> TITLES = Set.of("M", "MM", "Mme", "Mmes", "Mlle", "Mgr", "Me", "Dr", "Pr",
			"Monsieur", "Madame", "Président", "Présidente", "Professeur", "Docteur", "Maire", "Sœur", "Frère", "Reine",
			"Roi", "Prince", "Princesse", "Pape", "Général", "Colonel", "Capitaine", "Sénateur", "Député", "Juge",
			"Procureur", "Lord", "Sir", "Lady");

	/** Endings of French common nouns and adjectives ("Confort", "Citrouille" aside), rare in people's names. */
	private static final Pattern COMMON_ENDING = Pattern.compile(
			".*(?:tion|sion|ité|isme|iste|ique|aire|oire|ment|age|eur|euse|trice|ure|ienne|ien|aise|ais|ois|oise|ée|és)s?");

	private Names() {
	}

	/** One word of the text as the name check sees it. */
	private record Word(String text, int start, int end, boolean capital, boolean opensSentence) {
	}

	/** The names of people in the French text, each once, in order. */
	public static List<String> inFrench(String text) {
		List<Word> words = words(text);
		Set<String> lowerCase = new HashSet<>();
		for (Word word : words) {
			if (!word.capital()) {
				lowerCase.add(word.text().toLowerCase(Locale.ROOT));
			}
		}
		Set<String> names = new LinkedHashSet<>();
		List<Word> run = new ArrayList<>();
		Word before = null;
		for (int i = 0; i <= words.size(); i++) {
			Word word = i < words.size() ? words.get(i) : null;
			boolean joined = word != null && !run.isEmpty()
					&& NAME_SPACE.matcher(text).region(run.get(run.size() - 1).end(), word.start()).matches();
			boolean continues = word != null && (word.capital() || PARTICLES.contains(word.text())) && (run.isEmpty() || joined);
			if (continues) {
				if (run.isEmpty()) {
					before = i > 0 ? words.get(i - 1) : null;
				}
				run.add(word);
				continue;
			}
			// a run after a preposition of place is a place; its name alone elsewhere is still not a person's
			if (!afterPlaceWord(text, before, run)) {
				addRun(run, lowerCase, names);
			}
			run = new ArrayList<>();
			if (word != null && (word.capital() || PARTICLES.contains(word.text()))) {
				before = i > 0 ? words.get(i - 1) : null;
				run.add(word);
			}
		}
		return List.copyOf(names);
	}

	/** "Sud-Est", "Nord-Pas": a compound of words that are no one's name is no one's name either. */
	private static boolean notNames(String word) {
		return word.indexOf('-') > 0 && java.util.Arrays.stream(word.split("-")).allMatch(NOT_NAMES::contains);
	}

	/** True when the run follows a word of place, with nothing but spaces between them. */
	private static boolean afterPlaceWord(String text, Word before, List<Word> run) {
		if (before == null || run.isEmpty() || before.capital() || before.end() > run.get(0).start()) {
			return false;
		}
		String word = before.text().toLowerCase(Locale.ROOT).replace('’', '\'');
		return PLACE_BEFORE.contains(word) && text.substring(before.end(), run.get(0).start()).isBlank();
	}

	private static void addRun(List<Word> run, Set<String> lowerCase, Set<String> people) {
		List<Word> capitals = run.stream().filter(Word::capital).toList();
		if (capitals.size() < 2) {
			return;
		}
		List<String> name = new ArrayList<>();
		boolean titled = false;
		for (Word word : capitals) {
			String text = word.text();
			if (TITLES.contains(text)) {
				titled = true;
				continue;
			}
			// "Hôtel de Ville": a word the article also writes in lower case is a common noun
			if (NOT_NAMES.contains(text) || notNames(text) || lowerCase.contains(text.toLowerCase(Locale.ROOT))
					|| ROMAN.matcher(text).matches() || isAcronym(text) || COMMON_ENDING.matcher(text).matches()
					|| word.opensSentence() && capitals.size() > 2 && word == capitals.get(0)) {
				continue;
			}
			name.add(text);
		}
		// one name left of "État de Tasmanie" is a place; of "Professeur Smith", a person
		if (name.size() >= 2 || name.size() == 1 && titled) {
			people.add(String.join(" ", name));
		}
	}

	/**
	 * The names of people that this French paragraph holds and its English translation does not have.
	 *
	 * @param people the names of people in the whole article ({@link #inFrench}): a person introduced in
	 * full is later named alone, "Mélenchon a ajouté"
	 */
	public static List<String> missing(List<String> people, String french, String english) {
		if (people.isEmpty()) {
			return List.of();
		}
		Set<String> frenchWords = new HashSet<>();
		for (Word word : words(french)) {
			frenchWords.add(word.text());
		}
		// a person is named by the last name: "Mélenchon", not "Jean-Luc"
		List<String> named = people.stream().filter(person -> frenchWords.contains(person.substring(person.lastIndexOf(' ') + 1)))
			.toList();
		if (named.isEmpty()) {
			return List.of();
		}
		List<String> foldedWords = List.of(NOT_WORD.split(fold(english)));
		Set<String> englishWords = new HashSet<>(foldedWords);
		String folded = " " + String.join(" ", foldedWords) + " ";
		List<String> missing = new ArrayList<>();
		for (String person : named) {
			List<String> parts = List.of(person.split(" "));
			// "Barack Obama" is still there as "Obama"; "Moubarak" as "Mubarak"
			boolean present = parts.stream().anyMatch(part -> rendered(part, englishWords, folded));
			if (!present) {
				missing.add(person);
			}
		}
		return missing;
	}

	private static boolean rendered(String name, Set<String> englishWords, String englishFolded) {
		String plain = fold(name);
		String[] parts = NOT_WORD.split(plain);
		for (String part : parts) {
			// "el" of "el-Assad" may go: English writes Assad
			if (part.isEmpty() || englishWords.contains(part) || parts.length > 1 && PARTICLES.contains(part)) {
				continue;
			}
			if (englishWords.stream().noneMatch(word -> close(part, word))) {
				return KnownNames.rendered(name, englishFolded);
			}
		}
		return true;
	}

	/** Spellings of one name across languages: a common start of most of it, or one letter in four changed. */
	static boolean close(String name, String word) {
		if (name.length() < 4 || word.length() < 4) {
			return false;
		}
		int common = commonStart(name, word);
		if (common >= 4 && common * 3 >= 2 * Math.min(name.length(), word.length())) {
			return true;
		}
		return Math.abs(name.length() - word.length()) <= 2 && distance(name, word) <= Math.max(1, name.length() / 4);
	}

	private static int distance(String left, String right) {
		int[] previous = new int[right.length() + 1];
		int[] current = new int[right.length() + 1];
		for (int j = 0; j <= right.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= left.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= right.length(); j++) {
				int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[right.length()];
	}

	/** Every capitalised word of the French text that does not open a sentence: people, places, bodies. */
	static List<String> capitalised(String french) {
		Set<String> names = new LinkedHashSet<>();
		for (Word word : words(french)) {
			if (word.capital() && !word.opensSentence() && !NOT_NAMES.contains(word.text()) && !TITLES.contains(word.text())) {
				names.add(word.text());
			}
		}
		return List.copyOf(names);
	}

	/**
	 * True when the English has one of these names: as it is, in its usual English form, or in a close
	 * spelling (Alep, Aleppo; Syrie, Syria), which is enough to say a summary is about the article.
	 */
	static boolean anyIn(List<String> names, String english) {
		List<String> englishWords = List.of(NOT_WORD.split(fold(english)));
		String folded = " " + String.join(" ", englishWords) + " ";
		for (String name : names) {
			String plain = fold(name);
			if (folded.contains(" " + String.join(" ", NOT_WORD.split(plain)) + " ")
					|| KnownNames.rendered(name, folded)) {
				return true;
			}
			for (String word : englishWords) {
				if (plain.length() >= 4 && word.length() >= 4 && commonStart(plain, word) >= 4) {
					return true;
				}
			}
		}
		return false;
	}

	private static int commonStart(String left, String right) {
		int common = 0;
		while (common < left.length() && common < right.length() && left.charAt(common) == right.charAt(common)) {
			common++;
		}
		return common;
	}

	private static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			String token = matcher.group();
			int start = matcher.start();
			// the patterns only where they can match: most words have no apostrophe and no hyphen
			Matcher elided = token.indexOf('\'') > 0 || token.indexOf('’') > 0 ? ELIDED.matcher(token) : null;
			if (elided != null && elided.find() && elided.end() < token.length()) {
				words.add(new Word(token.substring(0, elided.end()).toLowerCase(Locale.ROOT).replace('’', '\''), start,
						start + elided.end(), false, false));
				start += elided.end();
				token = token.substring(elided.end());
			}
			boolean capital = Character.isUpperCase(token.codePointAt(0)) && token.codePointCount(0, token.length()) >= 2
					|| token.indexOf('-') > 0 && PREFIXED_NAME.matcher(token).matches();
			boolean opens = opensSentence(text, start);
			words.add(new Word(token, start, matcher.end(), capital, opens));
		}
		return words;
	}

	/** True when the word at this position starts the text, a sentence, a quotation or a line of dialogue. */
	private static boolean opensSentence(String text, int start) {
		int before = start - 1;
		while (before >= 0 && (Character.isWhitespace(text.charAt(before)) || Character.isSpaceChar(text.charAt(before)))) {
			if (text.charAt(before) == '\n' || text.charAt(before) == '\r') {
				return true; // a paragraph, or the headline above it, ends at a line break
			}
			before--;
		}
		if (before < 0) {
			return true;
		}
		char mark = text.charAt(before);
		if (".!?:;…«»\"“”([—–".indexOf(mark) >= 0) {
			return true;
		}
		return mark == '-' && (before == 0 || Character.isWhitespace(text.charAt(before - 1)));
	}

	static boolean isAcronym(String word) {
		return word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
	}

	static String fold(String text) {
		return MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("")
			.replace('’', '\'').toLowerCase(Locale.ROOT);
	}

}
