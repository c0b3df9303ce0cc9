package org.passerelle.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric units after a French number, and what English-speaking newsrooms may convert them to: "15 m"
 * becomes "50ft", "922 kg" "2,032 pounds", "210 km/h" "130mph". A number converted that way is still
 * the source's number.
 */
final class MetricUnits {

	/** A unit after the number (and after its scale: "272 millions de kg"). */
	private static final Pattern UNIT = Pattern.compile("(?:[\\s\\u00A0\\u202F]?(?:de|d')[\\s\\u00A0\\u202F]?)?"
			+ "[\\s\\u00A0\\u202F]?(km/h|km²|km2|kilomètres? carrés|kilomètres?|km|mètres? cubes?|m³|m3|mètres? carrés|m²|m2|"
			+ "mètres?|m|centimètres?|cm|millimètres?|mm|kilogrammes?|kilos?|kg|grammes?|g|tonnes?|t|litres?|l|"
			+ "hectares?|ha|°C|degrés)(?![\\p{L}])");

	/** Factors to miles, square miles, cubic feet and yards, feet and yards, inches, pounds, ounces, tons, gallons, acres. */
	private static final Map<String, List<Double>> FACTORS = Map.ofEntries(
			Map.entry("km/h", List.of(0.621371)), Map.entry("km²", List.of(0.386102)),
			Map.entry("km", List.of(0.621371)), Map.entry("m³", List.of(35.3147, 1.30795)),
			Map.entry("m²", List.of(10.7639)), Map.entry("m", List.of(3.28084, 1.09361)),
			Map.entry("cm", List.of(0.393701)), Map.entry("mm", List.of(0.0393701)), Map.entry("kg", List.of(2.20462)),
			Map.entry("g", List.of(0.035274)), Map.entry("t", List.of(1.10231, 0.984207)),
			Map.entry("l", List.of(0.264172, 0.219969)), Map.entry("ha", List.of(2.47105)));

	static final Unit NONE = new Unit(List.of(), false);

	private MetricUnits() {
	}

	/** A unit's conversion factors; Celsius converts with an offset. */
	record Unit(List<Double> factors, boolean celsius) {

		/** The figures a conversion of this value may give. */
		List<Double> converted(double value) {
			List<Double> figures = new ArrayList<>();
			factors.forEach(factor -> figures.add(value * factor));
			if (celsius) {
				figures.add(value * 9 / 5 + 32);
			}
			return figures;
		}

	}

	/** The unit written at this position of the text, if any. */
	static Unit after(String text, int position) {
		Matcher unit = UNIT.matcher(text).region(position, text.length());
		if (!unit.lookingAt()) {
			return NONE;
		}
		String written = unit.group(1);
		boolean celsius = written.equals("°C") || written.startsWith("degré");
		return new Unit(FACTORS.getOrDefault(shortForm(written), List.of()), celsius);
	}

	/** A unit's short form, as the factors know it. */
	private static String shortForm(String written) {
		String unit = written.replace("2", "²").replace("3", "³");
		if (unit.startsWith("kilomètre")) {
			return unit.contains("carré") ? "km²" : "km";
		}
		if (unit.startsWith("mètre")) {
			return unit.contains("cube") ? "m³" : unit.contains("carré") ? "m²" : "m";
		}
		for (String[] name : new String[][] { { "centimètre", "cm" }, { "millimètre", "mm" }, { "kilo", "kg" },
				{ "gramme", "g" }, { "tonne", "t" }, { "litre", "l" }, { "hectare", "ha" } }) {
			if (unit.startsWith(name[0])) {
				return name[1];
			}
		}
		return unit;
	}

}
