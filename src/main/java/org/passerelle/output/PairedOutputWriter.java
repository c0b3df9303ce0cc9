package org.passerelle.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.passerelle.llm.TranslatedArticle;
import org.passerelle.llm.Translation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one article's translation, summary and metadata. The metadata goes last: when it exists, the
 * other two are complete.
 */
public class PairedOutputWriter {

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
		return new ArticleMetadata(translation.article().source().id(), translation.article().sha256(),
				translation.article().encoding(), "SUCCEEDED",
				translation.engine().provider(), translation.engine().model(), translation.engine().promptVersion(),
				new ArticleMetadata.Tokens(translation.inputTokens(), translation.outputTokens(),
						translation.inputTokens() + translation.outputTokens()),
				new ArticleMetadata.Timings(clock.instant(), translation.llmTime().toMillis()), jobExecutionId,
				folder.relativize(paths.translation()).toString(), folder.relativize(paths.summary()).toString());
	}

	static String markdown(TranslatedArticle english) {
		StringBuilder text = new StringBuilder("# ").append(english.title().strip()).append("\n");
		for (String paragraph : english.paragraphs()) {
			text.append("\n").append(paragraph.strip()).append("\n");
		}
		return text.toString();
	}

}
