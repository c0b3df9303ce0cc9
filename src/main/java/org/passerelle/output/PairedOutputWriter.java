package org.passerelle.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.passerelle.article.SourceDetails;
import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one article's translation, summary and metadata. The metadata goes last: when it exists, the
 * other two are complete.
 */
public class PairedOutputWriter {

	private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

	private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

	private final Path outputDir;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public PairedOutputWriter(Path outputDir, Clock clock) {
		this.outputDir = outputDir;
		this.clock = clock;
	}

	public OutputPaths write(Translation translation, long jobExecutionId) throws IOException {
		OutputPaths paths = OutputPaths.of(outputDir, translation.article().source().id());
		TranslatedArticle english = translation.english();
		AtomicFiles.write(paths.translation(), markdown(english));
		AtomicFiles.write(paths.summary(), english.summary().strip() + "\n");
		AtomicFiles.write(paths.metadata(), json.writeValueAsString(metadata(translation, jobExecutionId, paths)) + "\n");
		return paths;
	}

	private ArticleMetadata metadata(Translation translation, long jobExecutionId, OutputPaths paths) {
		Path folder = paths.metadata().getParent();
		SourceDetails details = translation.article().details();
		return new ArticleMetadata(translation.article().source().id(), translation.article().sha256(),
				translation.article().encoding(), "SUCCEEDED",
				translation.engine().provider(), translation.engine().model(), translation.engine().promptVersion(),
				new ArticleMetadata.Tokens(translation.inputTokens(), translation.outputTokens(),
						translation.inputTokens() + translation.outputTokens()),
				new ArticleMetadata.Timings(clock.instant(), translation.llmTime().toMillis()), jobExecutionId,
				folder.relativize(paths.translation()).toString(), folder.relativize(paths.summary()).toString(),
				translation.article().source().root().toString(), details.url(), details.published(), details.author(),
				details.source(), translation.fromBatch() ? "batch" : null, translation.glossary().fingerprint(),
				translation.quality(), memory(translation.reuse()));
	}

	private static ArticleMetadata.Memory memory(Translation.Reuse reuse) {
		return reuse.any() ? new ArticleMetadata.Memory(reuse.paragraphs(), reuse.ofParagraphs(), reuse.savedInputTokens(),
				reuse.savedOutputTokens()) : null;
	}

	static String markdown(TranslatedArticle english) {
		StringBuilder text = new StringBuilder("# ").append(oneLine(english.title())).append("\n");
		for (String paragraph : english.paragraphs()) {
			// a blank line inside a paragraph would make two of it for any reader, and for read() below
			text.append("\n").append(BLANK_LINES.matcher(paragraph.strip()).replaceAll("\n")).append("\n");
		}
		return text.toString();
	}

	/** The metadata of a finished article, or empty when it is missing or unreadable (then the article is not finished). */
	public Optional<ArticleMetadata> readMetadata(OutputPaths paths) {
		if (!paths.allExist()) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readValue(paths.metadata().toFile(), ArticleMetadata.class));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** Reads back a translation this class wrote, to reuse it instead of asking the model again. */
	public static TranslatedArticle read(OutputPaths paths) throws IOException {
		String markdown = Files.readString(paths.translation());
		int endOfTitle = markdown.indexOf('\n');
		String title = markdown.substring(2, endOfTitle < 0 ? markdown.length() : endOfTitle);
		List<String> paragraphs = endOfTitle < 0 ? List.of()
				: BLANK_LINES.splitAsStream(markdown.substring(endOfTitle).strip()).map(String::strip).toList();
		return new TranslatedArticle(title, paragraphs, Files.readString(paths.summary()).strip());
	}

	private static String oneLine(String text) {
		return LINE_BREAK.matcher(text.strip()).replaceAll(" ");
	}

}
