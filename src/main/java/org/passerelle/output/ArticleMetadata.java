package org.passerelle.output;

import java.time.Instant;

/** The content of {@code <name>.meta.json}: where a translation came from and what it cost. */
public record ArticleMetadata(String source, String sourceSha256, String sourceEncoding, String status, String provider, String model,
		String promptVersion, Tokens tokens, Timings timings, long jobExecutionId, String translation, String summary) {

	public record Tokens(long input, long output, long total) {
	}

	public record Timings(Instant finishedAt, long llmMillis) {
	}

}
