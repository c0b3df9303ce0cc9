package org.passerelle.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.passerelle.quality.AnswerChecks;
import org.passerelle.quality.QualityChecks;
import org.passerelle.quality.QualityFlag;
import org.passerelle.quality.QualityReport;
import org.passerelle.quality.Sentences;
import org.passerelle.quality.glossary.GlossaryTerms;
import org.passerelle.testing.HumanTranslations;

/**
 * Feeds the WMT14 human translations to the answer checks as if a model had given them, and prints
 * how many fail a hard check (there must be none) and how many documents raise a quality flag (false
 * flags: the translations are professional). Then it spoils them the way models do (a sentence
 * dropped or added, a paragraph left in French, a person or a number left out) and prints how often the flag
 * that should catch it does, on exactly that paragraph. Not a test: it prints figures.
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.passerelle.benchmark.HumanTranslationsBenchmark}
 */
public final class HumanTranslationsBenchmark {

	/** The summary limit the job uses by default. */
	static final int SUMMARY_SENTENCES = 3;

	private HumanTranslationsBenchmark() {
	}

	/** What the checks made of the human translations. */
	public record Result(int documents, int paragraphs, List<String> hardFailures, List<String> flaggedDocuments,
			Map<String, Integer> flagsByKind, List<String> flags) {

		public double falseFlagRate() {
			return (double) flaggedDocuments.size() / documents;
		}

	}

	public static void main(String[] args) {
		List<HumanTranslations.Document> documents = HumanTranslations.documents();
		Result result = measure(documents);
		System.out.printf("WMT14 human translations: %d documents, %d paragraphs%n", result.documents(), result.paragraphs());
		System.out.printf("hard check failures: %d%s%n", result.hardFailures().size(),
				result.hardFailures().isEmpty() ? "" : " " + result.hardFailures());
		System.out.printf("documents with a flag: %d (%.1f%%); flags by kind: %s%n", result.flaggedDocuments().size(),
				100 * result.falseFlagRate(), result.flagsByKind());
		result.flags().forEach(flag -> System.out.println("  " + flag));
		List<HumanTranslations.Document> grouped = documents.stream().map(document -> document.inParagraphsOf(3)).toList();
		Result inThrees = measure(grouped);
		System.out.printf("the same in paragraphs of three segments (%d paragraphs): %d hard failures, %d documents with "
				+ "a flag (%.1f%%), %s%n", inThrees.paragraphs(), inThrees.hardFailures().size(),
				inThrees.flaggedDocuments().size(), 100 * inThrees.falseFlagRate(), inThrees.flagsByKind());
		inThrees.flags().forEach(flag -> System.out.println("  " + flag));
		System.out.println("Spoiled one paragraph at a time, flagged on that paragraph:");
		Spoiled.report(documents);
		System.out.println("  in paragraphs of three segments, " + Spoiled.droppedSentence(grouped));
		System.out.println("  in paragraphs of three segments, " + Spoiled.addedSentence(grouped));
	}

	public static Result measure(List<HumanTranslations.Document> documents) {
		List<String> hard = new ArrayList<>();
		List<String> flagged = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		Map<String, Integer> kinds = new TreeMap<>();
		int paragraphs = 0;
		for (HumanTranslations.Document document : documents) {
			paragraphs += document.frenchParagraphs().size();
			String summary = leadSummary(document.englishParagraphs());
			String problem = AnswerChecks.problemWith(document.frenchParagraphs(), document.englishTitle(),
					document.englishParagraphs(), summary, SUMMARY_SENTENCES);
			if (problem != null) {
				hard.add(document.name() + ": " + problem);
			}
			QualityReport report = check(document, document.englishParagraphs(), summary);
			if (report.flagged()) {
				flagged.add(document.name());
				for (QualityFlag flag : report.flags()) {
					kinds.merge(flag.kind(), 1, Integer::sum);
					flags.add(document.name() + ": " + flag.shown());
				}
			}
		}
		return new Result(documents.size(), paragraphs, hard, flagged, kinds, flags);
	}

	/** The share of paragraphs spoiled this way that got the flag meant for it, on themselves. */
	public static double caught(String spoiling, List<HumanTranslations.Document> documents) {
		Spoiled.Catch result = switch (spoiling) {
			case "dropped sentence" -> Spoiled.droppedSentence(documents);
			case "added sentence" -> Spoiled.addedSentence(documents);
			case "left in French" -> Spoiled.leftInFrench(documents);
			case "person left out" -> Spoiled.personLeftOut(documents);
			case "number changed" -> Spoiled.numberChanged(documents);
			default -> throw new IllegalArgumentException(spoiling);
		};
		return (double) result.caught() / result.spoiled();
	}

	static QualityReport check(HumanTranslations.Document document, List<String> english, String summary) {
		return QualityChecks.check(new QualityChecks.Texts(document.frenchTitle(), document.frenchParagraphs(),
				document.englishTitle(), english, summary), GlossaryTerms.NONE, SUMMARY_SENTENCES);
	}

	/** The documents have no summary; their first three sentences stand for one (the usual "lead-3"). */
	public static String leadSummary(List<String> english) {
		List<String> sentences = Sentences.split(String.join(" ", english));
		return String.join(" ", sentences.subList(0, Math.min(SUMMARY_SENTENCES, sentences.size())));
	}

}
