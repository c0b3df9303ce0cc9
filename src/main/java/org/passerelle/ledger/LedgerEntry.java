package org.passerelle.ledger;

import java.time.LocalDateTime;

/**
 * One ledger row. Token counts add up over every attempt on that content.
 *
 * @param inputDir the input folder the article was found under (absolute)
 * @param outputDir where its outputs go (absolute)
 */
public record LedgerEntry(String inputDir, String articleId, String contentSha256, String status, String provider,
		String model, String promptVersion, long jobExecutionId, String outputDir, String translationPath,
		String summaryPath, String metadataPath, long inputTokens, long outputTokens, int attempts, String failureKind,
		String errorMessage, String sourceUrl, String published, String author, String sourceName,
		LocalDateTime updatedAt) {
}
