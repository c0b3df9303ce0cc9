package org.passerelle.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.passerelle.quality.Names;
import org.passerelle.quality.QualityFlag;
import org.passerelle.quality.QualityReport;
import org.passerelle.quality.Sentences;
import org.passerelle.testing.HumanTranslations;

/**
 * The human translations spoiled one paragraph at a time, the way models go wrong without saying so,
 * and how often the flag meant for it is raised on exactly that paragraph.
 */
final class Spoiled {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private Spoiled() {
	}

	/** How many spoiled paragraphs there were, and how many were flagged as they should be. */
	record Catch(String spoiling, int spoiled, int caught) {

		@Override
		public String toString() {
			return String.format("%s: %d of %d paragraphs flagged (%.1f%%)", spoiling, caught, spoiled,
					spoiled == 0 ? 0 : 100.0 * caught / spoiled);
		}

	}

	static void report(List<HumanTranslations.Document> documents) {
		System.out.println("  " + droppedSentence(documents));
		System.out.println("  " + addedSentence(documents));
		System.out.println("  " + leftInFrench(documents));
		System.out.println("  " + personLeftOut(documents));
		System.out.println("  " + numberChanged(documents));
	}

	/** One sentence of a paragraph of two or more sentences left out: its longest, so that it shows. */
	static Catch droppedSentence(List<HumanTranslations.Document> documents) {
		return spoil(documents, "a sentence dropped from a paragraph", QualityFlag.LENGTH, (french, english) -> {
			List<String> sentences = new ArrayList<>(Sentences.split(english));
			if (sentences.size() < 2) {
				return null;
			}
			String longest = sentences.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
			sentences.remove(longest);
			return String.join(" ", sentences);
		});
	}

	/**
	 * A sentence the French does not have, added at the end of a paragraph, as models add a comment or
	 * an explanation: the longest sentence of the next paragraph (of the one before, for the last).
	 */
	static Catch addedSentence(List<HumanTranslations.Document> documents) {
		List<Catch> catches = new ArrayList<>();
		for (HumanTranslations.Document document : documents) {
			List<String> english = document.englishParagraphs();
			catches.add(spoil(List.of(document), "", QualityFlag.LENGTH, new BiFunction<>() {

				private int index = -1;

				@Override
				public String apply(String french, String paragraph) {
					index++;
					if (english.size() < 2) {
						return null;
					}
					String other = english.get(index + 1 < english.size() ? index + 1 : index - 1);
					String added = Sentences.split(other).stream().max(java.util.Comparator.comparingInt(String::length))
						.orElseThrow();
					return paragraph + " " + added;
				}

			}));
		}
		return new Catch("a sentence added to a paragraph", catches.stream().mapToInt(Catch::spoiled).sum(),
				catches.stream().mapToInt(Catch::caught).sum());
	}

	static Catch leftInFrench(List<HumanTranslations.Document> documents) {
		return spoil(documents, "a paragraph left in French", QualityFlag.UNTRANSLATED,
				(french, english) -> french.split("\\s+").length < 6 ? null : french);
	}

	static Catch personLeftOut(List<HumanTranslations.Document> documents) {
		List<Catch> catches = new ArrayList<>();
		for (HumanTranslations.Document document : documents) {
			List<String> people = Names.inFrench(document.frenchTitle() + "\n" + String.join("\n", document.frenchParagraphs()));
			catches.add(spoil(List.of(document), "", QualityFlag.NAMES, (french, english) -> {
				String spoiled = english;
				for (String person : people) {
					String last = person.substring(person.lastIndexOf(' ') + 1);
					if (french.contains(last) && spoiled.contains(last)) {
						for (String part : person.split(" ")) {
							spoiled = spoiled.replace(part, "the man");
						}
					}
				}
				return spoiled.equals(english) ? null : spoiled;
			}));
		}
		return new Catch("a person left out", catches.stream().mapToInt(Catch::spoiled).sum(),
				catches.stream().mapToInt(Catch::caught).sum());
	}

	/** A figure of the English one off: "25" becomes "26". */
	static Catch numberChanged(List<HumanTranslations.Document> documents) {
		return spoil(documents, "a number changed", QualityFlag.NUMBERS, (french, english) -> {
			Matcher digits = DIGITS.matcher(english);
			if (!DIGITS.matcher(french).find() || !digits.find()) {
				return null;
			}
			String changed = Long.toString(Long.parseLong(digits.group()) + 1);
			String spoiled = english.substring(0, digits.start()) + changed + english.substring(digits.end());
			// a figure the paragraph holds twice is still there; that spoiling proves nothing
			return english.contains(changed) || spoiled.contains(digits.group() + " ") ? null : spoiled;
		});
	}

	/**
	 * Spoils each paragraph in turn (the function returns null when it cannot spoil one) and counts the
	 * spoiled paragraphs that get the expected flag on themselves.
	 */
	private static Catch spoil(List<HumanTranslations.Document> documents, String spoiling, String kind,
			BiFunction<String, String, String> spoiler) {
		int spoiled = 0;
		int caught = 0;
		for (HumanTranslations.Document document : documents) {
			List<String> french = document.frenchParagraphs();
			List<String> english = document.englishParagraphs();
			for (int i = 0; i < english.size(); i++) {
				String worse = spoiler.apply(french.get(i), english.get(i));
				if (worse == null) {
					continue;
				}
				List<String> changed = new ArrayList<>(english);
				changed.set(i, worse);
				spoiled++;
				QualityReport report = HumanTranslationsBenchmark.check(document, changed,
						HumanTranslationsBenchmark.leadSummary(english));
				int paragraph = i + 1;
				if (report.flags().stream().anyMatch(flag -> flag.kind().equals(kind) && Integer.valueOf(paragraph)
						.equals(flag.paragraph()))) {
					caught++;
				}
			}
		}
		return new Catch(spoiling, spoiled, caught);
	}

}
