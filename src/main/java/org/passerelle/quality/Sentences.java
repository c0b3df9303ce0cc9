package org.passerelle.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of French or English prose: they end with . ! ? or … before a space and a capital, a digit
 * or a quote, except after a title or an initial ("Dr. Georges Bwelle", "M. Doerksen", "J. K. Rowling").
 */
public final class Sentences {

	private static final Pattern BREAK = Pattern.compile("(?<=[.!?…])[\"”’)»]?\\s+(?=[\\p{Lu}\\d\"“‘(«])");

	private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)\\.$");

	private static final Set<String> ABBREVIATIONS = Set.of("Dr", "Mr", "Mrs", "Ms", "Mme", "Mlle", "Mgr", "Me", "Pr",
			"Prof", "St", "Ste", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Rev", "No", "vs",
			"etc", "av", "Inc", "Corp", "Co", "Ltd");

	private Sentences() {
	}

	public static int count(String text) {
		return split(text).size();
	}

	public static List<String> split(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return List.of();
		}
		List<String> sentences = new ArrayList<>();
		Matcher breaks = BREAK.matcher(trimmed);
		int start = 0;
		while (breaks.find()) {
			String before = trimmed.substring(start, breaks.start());
			Matcher last = LAST_WORD.matcher(before);
			if (last.find() && (ABBREVIATIONS.contains(last.group(1)) || last.group(1).length() == 1
					&& Character.isUpperCase(last.group(1).charAt(0)))) {
				continue; // "Dr. Bwelle", "M. Doerksen", "J. K. Rowling"
			}
			sentences.add(before.strip());
			start = breaks.end();
		}
		sentences.add(trimmed.substring(start).strip());
		return sentences;
	}

}
