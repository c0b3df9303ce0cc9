package org.passerelle.quality;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text contains, reduced to their digits so that French and English notations compare
 * equal: "1 200" and "1,200" are both 1200, "21,4" and "21.4" are both 214, "21h13" and "21:13" both
 * hold 21 and 13.
 */
public final class SourceNumbers {

	// thousands grouped by spaces (French) must be exactly three digits a group, or "en 2015 3 000" would merge
	private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*");

	private SourceNumbers() {
	}

	public static Set<String> in(String text) {
		Set<String> numbers = new LinkedHashSet<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			numbers.add(matcher.group().replaceAll("\\D", ""));
		}
		return numbers;
	}

}
