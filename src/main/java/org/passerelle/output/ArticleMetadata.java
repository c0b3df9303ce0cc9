package org.passerelle.output;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.passerelle.quality.QualityReport;

/**
 * The content of {@code <name>.meta.json}: where a translation came from and what it cost. The
 * article's URL, publication date, author and source name are there when its file carried them; the
 * quality flags and the fingerprint of the glossary entries it used (when it used any) always are, and
 * what the translation memory gave, when it gave anything.
 */
public record ArticleMetadata(String source, String sourceSha256, String sourceEncoding, String status, String provider, String model,
		String promptVersion, Tokens tokens, Timings timings, long jobExecutionId, String translation, String summary,
		@JsonInclude(JsonInclude.Include.NON_NULL) String inputFolder,
		@JsonInclude(JsonInclude.Include.NON_NULL) String url,
		@JsonInclude(JsonInclude.Include.NON_NULL) String published,
		@JsonInclude(JsonInclude.Include.NON_NULL) String author,
		@JsonInclude(JsonInclude.Include.NON_NULL) String sourceName,
		@JsonInclude(JsonInclude.Include.NON_NULL) String billedAs,
		@JsonInclude(JsonInclude.Include.NON_NULL) String glossary,
		@JsonInclude(JsonInclude.Include.NON_NULL) QualityReport quality,
		@JsonInclude(JsonInclude.Include.NON_NULL) Memory memory) {

	/**
	 * What the translation memory gave this translation: paragraphs of how many, and the input and output
	 * tokens that spared (estimated as the dry run estimates). Absent when it gave nothing.
	 */
	public record Memory(int paragraphs, int ofParagraphs, long savedInputTokens, long savedOutputTokens) {
	}

	public record Tokens(long input, long output, long total) {
	}

	public record Timings(Instant finishedAt, long llmMillis) {
	}

}
