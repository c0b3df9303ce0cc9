package org.passerelle.quality.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * chrF and BLEU of translated articles against their references, for each article and for all of
 * them. An article whose translation and reference have as many segments (title, then paragraphs) is
 * scored segment by segment, as sacreBLEU scores aligned files; otherwise as one segment each. The
 * corpus scores add up every segment's statistics, as sacreBLEU does over one file of all segments.
 */
public final class ReferenceScores {

	private final Chrf chrf;

	private final Bleu bleu;

	public ReferenceScores(Chrf chrf, Bleu bleu) {
		this.chrf = chrf;
		this.bleu = bleu;
	}

	/** One translated article and its reference, each as segments. */
	public record Pair(String article, List<String> translation, List<String> reference) {
	}

	/** One article's scores. */
	public record ArticleScore(String article, int segments, boolean aligned, double chrf, double bleu) {
	}

	/** Every article's scores, worst chrF first, and the corpus's. */
	public record Result(List<ArticleScore> articles, double chrf, double bleu, int segments) {
	}

	public Result score(List<Pair> pairs) {
		List<ArticleScore> articles = new ArrayList<>();
		List<String> allTranslations = new ArrayList<>();
		List<List<String>> allReferences = new ArrayList<>();
		for (Pair pair : pairs) {
			boolean aligned = pair.translation().size() == pair.reference().size();
			List<String> hypotheses = aligned ? pair.translation() : List.of(String.join(" ", pair.translation()));
			List<List<String>> references = aligned ? pair.reference().stream().map(List::of).toList()
					: List.of(List.of(String.join(" ", pair.reference())));
			articles.add(new ArticleScore(pair.article(), hypotheses.size(), aligned,
					chrf.corpusScore(hypotheses, references), bleu.corpusScore(hypotheses, references).score()));
			allTranslations.addAll(hypotheses);
			allReferences.addAll(references);
		}
		articles.sort(Comparator.comparingDouble(ArticleScore::chrf).thenComparing(ArticleScore::article));
		if (allTranslations.isEmpty()) {
			return new Result(articles, 0, 0, 0);
		}
		return new Result(articles, chrf.corpusScore(allTranslations, allReferences),
				bleu.corpusScore(allTranslations, allReferences).score(), allTranslations.size());
	}

	/** sacreBLEU's signature of the chrF settings, for the report. */
	public String chrfSignature() {
		return "nrefs:1|case:" + (chrf.lowercase() ? "lc" : "mixed") + "|eff:" + (chrf.epsSmoothing() ? "no" : "yes")
				+ "|nc:" + chrf.charOrder() + "|nw:" + chrf.wordOrder() + "|space:" + (chrf.whitespace() ? "yes" : "no");
	}

	/** sacreBLEU's signature of the BLEU settings, for the report. */
	public String bleuSignature() {
		return "nrefs:1|case:" + (bleu.lowercase() ? "lc" : "mixed") + "|eff:" + (bleu.effectiveOrder() ? "yes" : "no")
				+ "|tok:" + bleu.tokenizer().id() + "|smooth:" + bleu.smoothing().id();
	}

}
