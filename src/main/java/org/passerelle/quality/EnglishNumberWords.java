package org.passerelle.quality;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers English news writes in words: "three children", "twenty-five", "two hundred and five", "a
 * dozen", "three million", "the fourth", "the nineties", "doubled", shares ("half", "a quarter", "two
 * thirds", written {@code F1/2}...), and "noon" or "midnight" for times.
 */
final class EnglishNumberWords {

	private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
			Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
			Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
			Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
			Map.entry("ninety", 90), Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3),
			Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
			Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11),
			Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14),
			Map.entry("fifteenth", 15), Map.entry("sixteenth", 16), Map.entry("seventeenth", 17),
			Map.entry("eighteenth", 18), Map.entry("nineteenth", 19), Map.entry("twentieth", 20),
			Map.entry("thirtieth", 30), Map.entry("fortieth", 40), Map.entry("fiftieth", 50), Map.entry("sixtieth", 60),
			Map.entry("seventieth", 70), Map.entry("eightieth", 80), Map.entry("ninetieth", 90), Map.entry("once", 1),
			Map.entry("twice", 2), Map.entry("decade", 10));

	/** Words that multiply what comes before them: "two hundred", "a dozen". */
	private static final Map<String, Integer> MULTIPLIERS = Map.of("hundred", 100, "hundredth", 100, "dozen", 12);

	/** Words that close a group: "three million five hundred thousand". */
	private static final Map<String, Long> SCALES = Map.of("thousand", 1_000L, "thousandth", 1_000L,
			"million", 1_000_000L, "millionth", 1_000_000L, "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L);

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private EnglishNumberWords() {
	}

	/** The values of the number words in this text, written as {@link Numbers} writes values. */
	static Set<String> values(String text) {
		Set<String> values = new HashSet<>();
		Matcher matcher = WORD.matcher(text);
		Run run = null;
		int lastEnd = -1;
		String last = null;
		while (matcher.find()) {
			String previous = last;
			String word = matcher.group().toLowerCase(Locale.ROOT);
			last = word;
			String between = lastEnd < 0 ? " " : text.substring(lastEnd, matcher.start());
			lastEnd = matcher.end();
			switch (word) {
				case "noon", "midday" -> values.add(Numbers.time(12, 0));
				case "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties" -> {
					// "the nineties" for "les années 1990" or "les années 90"
					int decade = UNITS.get(word.substring(0, word.length() - 3) + "y");
					values.add(Integer.toString(decade));
					values.add(Integer.toString(1900 + decade));
				}
				case "double", "doubled", "doubles", "doubling", "twofold" -> values.add("2");
				case "triple", "tripled", "triples", "tripling", "threefold" -> values.add("3");
				case "quadrupled", "fourfold" -> values.add("4");
				case "half", "halved", "halve" -> values.add("F1/2");
				case "quarter", "quarters", "third", "thirds", "fifth", "fifths", "tenth", "tenths" -> {
					// "a quarter", "three-quarters", "two thirds": a share when a count goes before it
					String count = previous == null ? "" : previous;
					String base = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
					int denominator = switch (base) {
						case "quarter" -> 4;
						case "third" -> 3;
						case "fifth" -> 5;
						default -> 10;
					};
					Integer numerator = switch (count) {
						case "a", "one" -> 1;
						case "two" -> 2;
						case "three" -> 3;
						default -> null;
					};
					if (numerator != null && numerator < denominator && (numerator == 1) != word.endsWith("s")) {
						values.add("F" + numerator + "/" + denominator);
					}
				}
				case "midnight" -> {
					values.add(Numbers.time(0, 0));
					values.add(Numbers.time(24, 0));
				}
				default -> {
				}
			}
			boolean joined = between.isBlank() || between.strip().equals("-");
			if (run != null && !joined) {
				run = run.end(values);
			}
			if (word.equals("and") || word.equals("a") || word.equals("an")) {
				// "a hundred", "two hundred and five": part of a run, never a number alone
				if (run != null && word.equals("and")) {
					continue;
				}
				run = run == null ? new Run() : run;
				continue;
			}
			if (UNITS.containsKey(word) || MULTIPLIERS.containsKey(word) || SCALES.containsKey(word)
					|| word.equals("half")) {
				run = (run == null ? new Run() : run).add(word);
			}
			else if (run != null) {
				run = run.end(values);
			}
		}
		if (run != null) {
			run.end(values);
		}
		return values;
	}

	/** A run of number words being read. */
	private static final class Run {

		private double total;

		private double current;

		private boolean number;

		Run add(String word) {
			if (word.equals("half")) {
				current += 0.5; // "eight and a half", "half a million"
			}
			else if (UNITS.containsKey(word)) {
				current += UNITS.get(word);
			}
			else if (MULTIPLIERS.containsKey(word)) {
				current = (current == 0 ? 1 : current) * MULTIPLIERS.get(word);
			}
			else {
				total += (current == 0 ? 1 : current) * SCALES.get(word);
				current = 0;
			}
			number = true;
			return this;
		}

		/** Ends the run, keeping its value if it held a number word ("a" alone holds none). */
		Run end(Set<String> values) {
			if (number) {
				values.add(BigDecimal.valueOf(total + current).stripTrailingZeros().toPlainString());
			}
			return null;
		}

	}

}
