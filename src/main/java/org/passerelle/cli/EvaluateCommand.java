package org.passerelle.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.ledger.LedgerEntry;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.output.AtomicFiles;
import org.passerelle.output.OutputPaths;
import org.passerelle.output.PairedOutputWriter;
import org.passerelle.quality.score.Bleu;
import org.passerelle.quality.score.Chrf;
import org.passerelle.quality.score.ReferenceScores;
import org.passerelle.quality.score.References;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code passerelle evaluate}: chrF and BLEU of the translations against reference translations, as sacreBLEU computes them. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Scores every translated article that has a reference English text (<name>.ref.en.txt or "
				+ "<name>.en.txt in the references folder, or a file at the article's own path there) with chrF and "
				+ "BLEU, as sacreBLEU computes them by default; prints the articles worst first and the corpus "
				+ "scores, and writes them as JSON.")
class EvaluateCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--references", paramLabel = "DIR", required = true, description = "The reference translations.")
	private Path references;

	@Option(names = "--output", paramLabel = "DIR", description = "The translations of this output folder (default: "
			+ "PASSERELLE_OUTPUT_DIR or output/); the JSON report is written there as evaluation.json.")
	private Path output;

	@Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON report instead.")
	private Path json;

	@Option(names = "--model", description = "Only the translations made by this model.")
	private String model;

	@Option(names = "--prompt-version", paramLabel = "VERSION", description = "Only the translations made with this "
			+ "prompt version (as meta.json and the ledger name it).")
	private String promptVersion;

	@Option(names = "--smooth", paramLabel = "METHOD", defaultValue = "exp", description = "BLEU's smoothing of n-gram "
			+ "orders without a match: exp (sacreBLEU's default), none, floor or add-k.")
	private String smooth;

	@Override
	public Integer call() throws IOException {
		if (!Files.isDirectory(references)) {
			throw new CommandFailure(ExitCodes.USAGE, "the references folder " + references.toAbsolutePath() + " does not exist");
		}
		Bleu.Smoothing smoothing;
		try {
			smoothing = Bleu.Smoothing.of(smooth);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandFailure(ExitCodes.USAGE, "--smooth: " + ex.getMessage());
		}
		try (ConfigurableApplicationContext context = PasserelleContext.startReadOnly()) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			Path outputDir = (output != null ? output : properties.outputDir()).toAbsolutePath().normalize();
			List<LedgerEntry> translated = context.getBean(ArticleLedger.class).translated(model, promptVersion).stream()
				.filter(entry -> outputDir.toString().equals(entry.outputDir()))
				.toList();
			List<ReferenceScores.Pair> pairs = new ArrayList<>();
			Map<String, Map<String, Object>> details = new LinkedHashMap<>();
			List<String> withoutReference = new ArrayList<>();
			for (LedgerEntry entry : translated) {
				Optional<Path> reference = References.find(references, name(entry.articleId()), entry.articleId());
				Path translation = Path.of(entry.translationPath());
				if (reference.isEmpty() || !Files.isRegularFile(translation)) {
					withoutReference.add(entry.articleId());
					continue;
				}
				TranslatedArticle english = PairedOutputWriter.read(new OutputPaths(translation, Path.of(entry.summaryPath()),
						Path.of(entry.metadataPath())));
				List<String> segments = new ArrayList<>(List.of(english.title()));
				segments.addAll(english.paragraphs());
				String key = entry.inputDir() + "/" + entry.articleId();
				pairs.add(new ReferenceScores.Pair(key, segments, References.segments(reference.get())));
				details.put(key, Map.of("article", entry.articleId(), "inputFolder", entry.inputDir(), "translation",
						entry.translationPath(), "reference", reference.get().toAbsolutePath().toString(), "model",
						entry.model(), "promptVersion", entry.promptVersion()));
			}
			ReferenceScores scores = new ReferenceScores(Chrf.DEFAULT,
					new Bleu(false, Bleu.DEFAULT.tokenizer(), smoothing, null, 4, false));
			ReferenceScores.Result result = scores.score(pairs);
			PrintWriter out = spec.commandLine().getOut();
			if (pairs.isEmpty()) {
				out.println("No translated article in " + outputDir + " has a reference in " + references.toAbsolutePath()
						+ (translated.isEmpty() ? " (the ledger has no translation there"
								+ (model != null || promptVersion != null ? " for that model and prompt version" : "") + ")" : "")
						+ ". A reference is named <name>.ref.en.txt or <name>.en.txt, as the outputs are named.");
				return ExitCodes.OK;
			}
			print(out, result, details, withoutReference.size());
			Path report = json != null ? json : outputDir.resolve("evaluation.json");
			write(report, result, scores, details, withoutReference);
			out.printf("chrF2|%s%nBLEU|%s%nReport: %s%n", scores.chrfSignature(), scores.bleuSignature(), report);
			return ExitCodes.OK;
		}
	}

	/** What the article's outputs are named after: {@code politique/budget}, {@code dumps/nuit.jsonl/12}. */
	private static String name(String articleId) {
		String translation = OutputPaths.of(Path.of(""), articleId).translation().toString().replace('\\', '/');
		return translation.substring(0, translation.length() - ".en.md".length());
	}

	private static void print(PrintWriter out, ReferenceScores.Result result, Map<String, Map<String, Object>> details,
			int withoutReference) {
		String row = "%7s  %7s  %8s  %s%n";
		out.printf(row, "CHRF", "BLEU", "SEGMENTS", "ARTICLE (worst first)");
		for (ReferenceScores.ArticleScore article : result.articles()) {
			out.printf(row, String.format("%.2f", article.chrf()), String.format("%.2f", article.bleu()),
					article.segments() + (article.aligned() ? "" : "*"), details.get(article.article()).get("article"));
		}
		out.println();
		out.printf("Corpus: chrF2 = %.2f, BLEU = %.2f, over %d articles (%d segments).%n", result.chrf(), result.bleu(),
				result.articles().size(), result.segments());
		if (result.articles().stream().anyMatch(article -> !article.aligned())) {
			out.println("* translation and reference have different numbers of paragraphs: scored as one segment.");
		}
		if (withoutReference > 0) {
			out.println(withoutReference + " translated article(s) have no reference and are not scored.");
		}
	}

	private static void write(Path report, ReferenceScores.Result result, ReferenceScores scores,
			Map<String, Map<String, Object>> details, List<String> withoutReference) throws IOException {
		List<Map<String, Object>> articles = new ArrayList<>();
		for (ReferenceScores.ArticleScore article : result.articles()) {
			Map<String, Object> entry = new LinkedHashMap<>(details.get(article.article()));
			entry.put("segments", article.segments());
			entry.put("aligned", article.aligned());
			entry.put("chrf", article.chrf());
			entry.put("bleu", article.bleu());
			articles.add(entry);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("chrf", Map.of("score", result.chrf(), "signature", "chrF2|" + scores.chrfSignature()));
		document.put("bleu", Map.of("score", result.bleu(), "signature", "BLEU|" + scores.bleuSignature()));
		document.put("segments", result.segments());
		document.put("articles", articles);
		document.put("withoutReference", withoutReference);
		if (report.toAbsolutePath().getParent() != null) {
			Files.createDirectories(report.toAbsolutePath().getParent());
		}
		AtomicFiles.write(report, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValueAsString(document) + "\n");
	}

}
