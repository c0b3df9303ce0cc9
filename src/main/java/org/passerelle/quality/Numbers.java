package org.passerelle.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a French text, and whether an English text renders them, whatever the notation: "1 200"
 * and "1,200"; "21,4" and "21.4"; "3 enfants" and "three children"; "21h30" and "9.30pm"; "10h00" and
 * "10am"; "1,36 milliard", "1.36 billion" and "1,360 million"; "4 novembre" and "November 04".
 * Values are compared as numbers (times as minutes past midnight), so leading zeros and scale words
 * do not matter.
 */
public final class Numbers {

	// French groups thousands with spaces, exactly three digits a group, or "en 2015 3 000" would merge
	// compiled once: these run for every number of every paragraph
	private static final Pattern PLURAL_S = Pattern.compile("s$");

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

	/** "80" of "les années 80" is "the 1980s". */
	private static final Pattern DECADE = Pattern.compile("(19|20)\\d0");

	/** An English figure with thousands and decimals: 14,201.57. */
	private static final Pattern ENGLISH_GROUPED_DECIMAL = Pattern.compile("\\d{1,3}(?:,\\d{3})+\\.\\d+");

	private static final Pattern RANGE_GROUP_SPACE = Pattern.compile("[ \\u00A0\\u202F]");

	private static final Pattern CLOCK_SEPARATOR = Pattern.compile("[.:]");

	private static final Pattern ONE_OR_TWO_DIGITS = Pattern.compile("\\d{1,2}");

	private static final Pattern GROUP_SPACE = Pattern.compile("[ \\u00A0\\u202F]");

	private static final Pattern GROUP_SEPARATOR = Pattern.compile("[.,:]");

	private static final Pattern DIGIT = Pattern.compile("\\d");

	private static final Pattern FRENCH_NUMBER = Pattern.compile(
			"\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3}(?!\\d))+(?:,\\d+)?|\\d+(?:[.,]\\d+)*");

	private static final Pattern ENGLISH_NUMBER = Pattern.compile(
			"\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3}(?!\\d))+(?:[.,]\\d+)?|\\d+(?:[.,:]\\d+)*");

	/** "21h30", "10h", "20 heures", "14 h 15" just after a number. */
	private static final Pattern FRENCH_TIME = Pattern.compile(
			"[\\s\\u00A0\\u202F]?(?:h|heures?)(?:[\\s\\u00A0\\u202F]?(\\d{2}))?(?![\\p{L}])");

	private static final Pattern FRENCH_SCALE = Pattern.compile(
			"[\\s\\u00A0\\u202F]?(millions?|milliards?|billions?|mille|Mds?|Md|M€|M\\$|k€)(?![\\p{L}])");

	private static final Pattern PERCENT = Pattern.compile("[\\s\\u00A0\\u202F]?(?:%|pour[\\s\\u00A0]?cent\\b)");

	/** The shares English news writes as fractions, and how close a rounded percentage may be to them. */
	private static final Map<String, Double> FRACTIONS = Map.of("F1/2", 50.0, "F1/3", 100 / 3.0, "F2/3", 200 / 3.0,
			"F1/4", 25.0, "F3/4", 75.0, "F1/5", 20.0, "F1/10", 10.0);

	/** English holidays that are dates: "Bastille Day" renders "le 14 juillet". */
	private static final Map<String, List<Integer>> HOLIDAYS = Map.of("Bastille Day", List.of(14, 7), "May Day",
			List.of(1, 5), "Armistice Day", List.of(11, 11), "VE Day", List.of(8, 5), "Christmas Day", List.of(25, 12),
			"Christmas Eve", List.of(24, 12), "New Year's Day", List.of(1, 1), "New Year's Eve", List.of(31, 12),
			"All Saints' Day", List.of(1, 11), "Halloween", List.of(31, 10));

	/** "1er", "1re", "1ère", unless a month follows: "le 1er mai" is a date. */
	private static final Pattern FIRST = Pattern.compile("(?:er|re|ère)(?![\\p{L}\\p{N}])(?![\\s\\u00A0\\u202F]+(?:janvier|"
			+ "février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\\b)");

	/** "à 5 millions", "et 5 000", "-5 000" after the first number of a range. */
	private static final Pattern RANGE = Pattern.compile("[\\s\\u00A0\\u202F]*(?:à|et|ou|-|–)[\\s\\u00A0\\u202F]*"
			+ "(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3}(?!\\d))*)(?:,\\d+)?"
			+ "(?:[\\s\\u00A0\\u202F]?(millions?|milliards?|Mds?|Md|M€|M\\$|k€)(?![\\p{L}]))?");

	private static final Pattern ENGLISH_SCALE = Pattern.compile(
			"[\\s\\u00A0\\u202F]?(thousand|million|billion|trillion|k|m|mn|bn|b|tn)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENGLISH_CLOCK = Pattern.compile("[\\s\\u00A0\\u202F]?(?:([ap])\\.?m\\.?(?![\\p{L}])|o['’]clock)",
			Pattern.CASE_INSENSITIVE);

	private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December");

	/** "November 04" renders "4 novembre": a month's name stands for its number. */
	private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|May|June|July|August|"
			+ "September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b");

	private static final Map<String, Long> FRENCH_SCALES = Map.of("million", 1_000_000L, "milliard", 1_000_000_000L,
			"billion", 1_000_000_000_000L, "mille", 1_000L, "md", 1_000_000_000L, "mds", 1_000_000_000L,
			"m€", 1_000_000L, "m$", 1_000_000L, "k€", 1_000L);

	private static final Map<String, Long> ENGLISH_SCALES = Map.of("thousand", 1_000L, "k", 1_000L,
			"million", 1_000_000L, "m", 1_000_000L, "mn", 1_000_000L, "billion", 1_000_000_000L, "bn", 1_000_000_000L,
			"b", 1_000_000_000L, "trillion", 1_000_000_000_000L, "tn", 1_000_000_000_000L);

	/** How far a converted figure may be from the exact conversion: news rounds "15 m" to "50ft". */
	static final double CONVERSION_TOLERANCE = 0.03;

	private Numbers() {
	}

	/**
	 * A number as the French text writes it, every value an English rendering of it may have, and the
	 * figures a unit conversion would give, matched within {@link #CONVERSION_TOLERANCE}.
	 */
	public record Mention(String text, Set<String> values, List<Double> converted) {

		boolean renderedIn(Set<String> english, List<Double> englishFigures) {
			if (values.stream().anyMatch(english::contains)) {
				return true;
			}
			for (double figure : converted) {
				for (double candidate : englishFigures) {
					if (Math.abs(candidate - figure) <= CONVERSION_TOLERANCE * Math.abs(figure)) {
						return true;
					}
				}
			}
			return false;
		}

	}

	/** The numbers of the French text that the English text does not render, as the French writes them. */
	public static List<String> missing(String french, String english) {
		List<Mention> mentions = inFrench(french);
		if (mentions.isEmpty()) {
			return List.of();
		}
		Set<String> found = inEnglish(english);
		List<Double> figures = found.stream().filter(value -> Character.isDigit(value.charAt(0))).map(Double::valueOf)
			.toList();
		Set<String> missing = new LinkedHashSet<>();
		for (Mention mention : mentions) {
			if (!mention.renderedIn(found, figures)) {
				missing.add(mention.text());
			}
		}
		return List.copyOf(missing);
	}

	public static List<Mention> inFrench(String text) {
		List<Mention> mentions = new ArrayList<>();
		Matcher matcher = FRENCH_NUMBER.matcher(text);
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			from = matcher.end();
			String number = matcher.group();
			Matcher time = FRENCH_TIME.matcher(text).region(matcher.end(), text.length());
			if (isHour(number) && time.lookingAt()) {
				int hour = Integer.parseInt(number);
				int minutes = time.group(1) == null ? 0 : Integer.parseInt(time.group(1));
				Set<String> values = new HashSet<>(Set.of(time(hour, minutes)));
				if (minutes == 0) {
					values.add(Long.toString(hour)); // "20 heures" may stay "20 hours"
				}
				else {
					// a duration: "1h30" is "90 minutes" or "1.5 hours"
					values.add(Integer.toString(hour * 60 + minutes));
					values.add(write(BigDecimal.valueOf(hour * 60 + minutes).divide(BigDecimal.valueOf(60), 2,
							java.math.RoundingMode.HALF_UP)));
				}
				mentions.add(new Mention(text.substring(matcher.start(), time.end()).strip(), values, List.of()));
				from = time.end();
				continue;
			}
			if (number.equals("1") && FIRST.matcher(text).region(matcher.end(), text.length()).lookingAt()) {
				continue; // "le 1er exportateur" is "the leading", "the biggest" or "the top" exporter as often as "first"
			}
			Matcher scale = FRENCH_SCALE.matcher(text).region(matcher.end(), text.length());
			Long factor = null;
			int unitFrom = matcher.end();
			if (scale.lookingAt()) {
				factor = FRENCH_SCALES.get(PLURAL_S.matcher(scale.group(1).toLowerCase(Locale.ROOT)).replaceAll(""));
				unitFrom = scale.end();
			}
			MetricUnits.Unit unit = MetricUnits.after(text, unitFrom);
			List<List<BigDecimal>> readings = readings(number, false);
			Long rangeFactor = factor == null ? rangeFactor(text, matcher.end()) : null;
			for (List<BigDecimal> reading : readings) {
				Set<String> values = scaled(reading, factor);
				if (rangeFactor != null) {
					values.addAll(scaled(reading, rangeFactor)); // "de 3 à 5 millions", "entre 3 et 5 000"
				}
				if (PERCENT.matcher(text).region(unitFrom, text.length()).lookingAt()) {
					values.addAll(fractions(reading)); // "50 %" is "half", "25 %" "a quarter"
				}
				if (readings.size() == 1 && YEAR.matcher(number).matches()) {
					values.add(number.substring(2)); // a year: Q1/15
				}
				List<Double> converted = new ArrayList<>();
				for (BigDecimal value : reading) {
					converted.addAll(unit.converted(value.doubleValue() * (factor == null ? 1 : factor)));
				}
				mentions.add(new Mention(readings.size() > 1 ? write(reading.get(0)) : number, values, converted));
			}
		}
		return mentions;
	}

	/**
	 * The scale of the figure that closes a range this number opens: "3 à 5 millions" is 3 million to 5
	 * million, "entre 3 et 5 000" is 3,000 to 5,000. Null when no range follows.
	 */
	private static Long rangeFactor(String text, int end) {
		Matcher range = RANGE.matcher(text).region(end, text.length());
		if (!range.lookingAt()) {
			return null;
		}
		if (range.group(2) != null) {
			return FRENCH_SCALES.get(PLURAL_S.matcher(range.group(2).toLowerCase(Locale.ROOT)).replaceAll(""));
		}
		// "5 000": as many thousands as it has groups of noughts
		String[] groups = RANGE_GROUP_SPACE.split(range.group(1));
		long factor = 1;
		for (int i = 1; i < groups.length; i++) {
			if (!groups[i].equals("000")) {
				return null;
			}
			factor *= 1000;
		}
		return factor == 1 ? null : factor;
	}

	/** Every value the English text may be rendering: digits in any notation, words, clock times, months. */
	public static Set<String> inEnglish(String text) {
		Set<String> values = new HashSet<>(EnglishNumberWords.values(text));
		Matcher matcher = ENGLISH_NUMBER.matcher(text);
		while (matcher.find()) {
			String number = matcher.group();
			Matcher clock = ENGLISH_CLOCK.matcher(text).region(matcher.end(), text.length());
			Matcher scale = ENGLISH_SCALE.matcher(text).region(matcher.end(), text.length());
			Long factor = scale.lookingAt() ? ENGLISH_SCALES.get(scale.group(1).toLowerCase(Locale.ROOT)) : null;
			String[] clockParts = CLOCK_SEPARATOR.split(number);
			if (clockParts.length <= 2 && isHour(clockParts[0])
					&& (clockParts.length == 1 || clockParts[1].length() == 2 && Integer.parseInt(clockParts[1]) < 60)) {
				int hour = Integer.parseInt(clockParts[0]);
				int minutes = clockParts.length == 1 ? 0 : Integer.parseInt(clockParts[1]);
				if (clock.lookingAt()) {
					boolean pm = clock.group(1) != null && clock.group(1).equalsIgnoreCase("p");
					boolean oClock = clock.group(1) == null;
					values.add(time(hour % 12 + (pm ? 12 : 0), minutes));
					if (oClock) {
						values.add(time(hour % 12 + 12, minutes));
					}
				}
				else if (clockParts.length == 2) {
					values.add(time(hour, minutes));
					if (hour <= 12) {
						values.add(time(hour + 12, minutes));
					}
				}
			}
			for (List<BigDecimal> reading : readings(number, true)) {
				values.addAll(scaled(reading, factor));
			}
			if (DECADE.matcher(number).matches() && text.startsWith("s", matcher.end())) {
				values.add(Integer.toString(Integer.parseInt(number.substring(2)))); // "the 1980s" for "les années 80"
			}
		}
		HOLIDAYS.forEach((holiday, date) -> {
			if (text.replace('’', '\'').contains(holiday)) {
				date.forEach(number -> values.add(Integer.toString(number)));
			}
		});
		Matcher month = MONTH.matcher(text);
		while (month.find()) {
			String name = month.group(1);
			for (int i = 0; i < MONTHS.size(); i++) {
				if (MONTHS.get(i).startsWith(name)) {
					values.add(Integer.toString(i + 1));
				}
			}
		}
		return values;
	}

	/** The fractions a percentage may be written as: 50 is half; 33 and 33,3 a third. */
	private static Set<String> fractions(List<BigDecimal> reading) {
		Set<String> shares = new HashSet<>();
		for (BigDecimal value : reading) {
			FRACTIONS.forEach((fraction, percent) -> {
				if (Math.abs(value.doubleValue() - percent) <= 0.7) {
					shares.add(fraction);
				}
			});
		}
		return shares;
	}

	/** The values as written, and multiplied by the scale word that follows them, if any. */
	private static Set<String> scaled(List<BigDecimal> values, Long factor) {
		Set<String> written = new HashSet<>();
		for (BigDecimal value : values) {
			written.add(write(value));
			if (factor != null) {
				written.add(write(value.multiply(BigDecimal.valueOf(factor))));
			}
		}
		return written;
	}

	/** A time of day as the values are written: minutes past midnight, apart from plain numbers. */
	static String time(int hour, int minutes) {
		return "T" + (hour * 60 + minutes);
	}

	private static boolean isHour(String number) {
		return ONE_OR_TWO_DIGITS.matcher(number).matches() && Integer.parseInt(number) <= 24;
	}

	/**
	 * The ways a written number can be read: one list of possible values per number it holds. "1 200"
	 * is 1200; "21,4" is 21.4; "1,360" is 1.36 or 1360; "12.05.2014" is three numbers.
	 */
	private static List<List<BigDecimal>> readings(String number, boolean english) {
		if (GROUP_SPACE.matcher(number).find()) {
			String plain = GROUP_SPACE.matcher(number).replaceAll("").replace(',', '.');
			return List.of(List.of(new BigDecimal(plain)));
		}
		if (english && ENGLISH_GROUPED_DECIMAL.matcher(number).matches()) {
			return List.of(List.of(new BigDecimal(number.replace(",", "")))); // 14,201.57
		}
		String[] groups = GROUP_SEPARATOR.split(number);
		if (groups.length == 1) {
			return List.of(List.of(new BigDecimal(number)));
		}
		if (groups.length == 2) {
			Set<BigDecimal> values = new LinkedHashSet<>();
			values.add(new BigDecimal(groups[0] + "." + groups[1]));
			if (groups[1].length() == 3) {
				values.add(new BigDecimal(groups[0] + groups[1]));
			}
			if (english) {
				values.add(new BigDecimal(groups[0]));
				values.add(new BigDecimal(groups[1]));
			}
			return List.of(List.copyOf(values));
		}
		boolean thousands = true;
		for (int i = 1; i < groups.length; i++) {
			thousands &= groups[i].length() == 3;
		}
		String separators = DIGIT.matcher(number).replaceAll("");
		if (thousands && separators.chars().distinct().count() == 1) {
			return List.of(List.of(new BigDecimal(String.join("", groups))));
		}
		List<List<BigDecimal>> each = new ArrayList<>();
		for (String group : groups) {
			each.add(List.of(new BigDecimal(group)));
		}
		if (english) {
			each.add(List.of(new BigDecimal(String.join("", groups))));
		}
		return each;
	}

	private static String write(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
