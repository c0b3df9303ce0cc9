package org.passerelle.quality;

import java.util.ArrayList;
import java.util.List;

import org.passerelle.quality.glossary.GlossaryEntry;
import org.passerelle.quality.glossary.GlossaryTerms;

/**
 * The quality flags of one translated article, computed from the texts alone (no second model): per
 * paragraph, a length far from the article's typical ratio, French left untranslated, names and numbers
 * of the French missing from the English; for the article, glossary terms not in their required form;
 * for the summary, over its sentence limit, partly French, or naming no one and no figure of the article.
 */
public final class QualityChecks {

	/** More flags than this on one article say nothing more; the count is kept. */
	static final int MAX_FLAGS = 50;

	private QualityChecks() {
	}

	/** A translated article, French and English side by side. */
	public record Texts(String frenchTitle, List<String> french, String englishTitle, List<String> english,
			String summary) {
	}

	public static QualityReport check(Texts texts, GlossaryTerms terms, int maxSummarySentences) {
		List<QualityFlag> flags = new ArrayList<>();
		List<String> french = texts.french();
		List<String> english = texts.english();
		if (english.size() != french.size()) {
			flags.add(new QualityFlag(QualityFlag.LENGTH, null,
					english.size() + " English paragraphs for " + french.size() + " French ones"));
		}
		int paragraphs = Math.min(french.size(), english.size());
		double typical = LengthRatios.typical(french.subList(0, paragraphs), english.subList(0, paragraphs));
		String allFrench = texts.frenchTitle() + "\n" + String.join("\n", french);
		List<String> people = Names.inFrench(allFrench);
		paragraph(0, texts.frenchTitle(), texts.englishTitle(), people, typical, flags);
		for (int i = 0; i < paragraphs; i++) {
			paragraph(i + 1, french.get(i), english.get(i), people, typical, flags);
		}
		String allEnglish = texts.englishTitle() + "\n" + String.join("\n", english);
		List<GlossaryEntry> missed = terms.missingFrom(allEnglish);
		if (!missed.isEmpty()) {
			flags.add(new QualityFlag(QualityFlag.GLOSSARY, null, "required English forms not used: "
					+ String.join(", ", missed.stream().map(GlossaryEntry::shown).toList())));
		}
		summary(texts, people, terms, maxSummarySentences, flags);
		List<QualityFlag> kept = flags.size() <= MAX_FLAGS ? flags : flags.subList(0, MAX_FLAGS);
		return new QualityReport(kept, Math.round(typical * 1000) / 1000.0, terms.entries().size());
	}

	/** The flags of one paragraph (0 is the title, which is too short for a length ratio). */
	private static void paragraph(int number, String french, String english, List<String> people, double typical,
			List<QualityFlag> flags) {
		if (FrenchText.hasFrench(english)) {
			flags.add(new QualityFlag(QualityFlag.UNTRANSLATED, number, "still French in part or in whole"));
			return;
		}
		if (number > 0) {
			String length = LengthRatios.problem(french, english, typical);
			if (length != null) {
				flags.add(new QualityFlag(QualityFlag.LENGTH, number, length));
			}
		}
		List<String> names = Names.missing(people, french, english);
		if (!names.isEmpty()) {
			flags.add(new QualityFlag(QualityFlag.NAMES, number, "not in the English: " + String.join(", ", names)));
		}
		List<String> numbers = Numbers.missing(french, english);
		if (!numbers.isEmpty()) {
			flags.add(new QualityFlag(QualityFlag.NUMBERS, number, "not in the English: " + String.join(", ", numbers)));
		}
	}

	private static void summary(Texts texts, List<String> people, GlossaryTerms terms, int maxSentences,
			List<QualityFlag> flags) {
		String summary = texts.summary() == null ? "" : texts.summary();
		int sentences = Sentences.count(summary);
		if (sentences > maxSentences) {
			flags.add(new QualityFlag(QualityFlag.SUMMARY, null,
					sentences + " sentences, over the limit of " + maxSentences));
		}
		if (FrenchText.hasFrench(summary)) {
			flags.add(new QualityFlag(QualityFlag.SUMMARY, null, "still French in part or in whole"));
		}
		String allFrench = texts.frenchTitle() + "\n" + String.join("\n", texts.french());
		List<String> names = Names.capitalised(allFrench);
		long numbers = Numbers.inFrench(allFrench).stream().map(Numbers.Mention::text).distinct().count();
		if (names.isEmpty() && numbers == 0) {
			return;
		}
		boolean mentionsName = Names.anyIn(names, summary) || terms.entries().stream().anyMatch(entry -> entry.renderedIn(summary));
		boolean mentionsNumber = Numbers.missing(allFrench, summary).size() < numbers;
		if (!mentionsName && !mentionsNumber) {
			flags.add(new QualityFlag(QualityFlag.SUMMARY, null, "names no one and no figure of the article"));
		}
	}

}
