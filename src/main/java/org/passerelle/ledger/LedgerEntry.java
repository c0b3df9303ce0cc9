package org.passerelle.ledger;

import java.time.LocalDateTime;

/**
 * One ledger row. Token counts add up over every attempt on that content.
 *
 * @param inputDir the input folder the article was found under (absolute)
 * @param outputDir where its outputs go (absolute)
 * @param glossarySha256 the fingerprint of the glossary entries its translation used; null for none
 * @param flagCount how many quality flags its translation raised
 * @param qualityFlags those flags, as a JSON array
 */
public record LedgerEntry(String inputDir, String articleId, String contentSha256, String status, String provider,
		String model, String promptVersion, long jobExecutionId, String outputDir, String translationPath,
		String summaryPath, String metadataPath, long inputTokens, long outputTokens, int attempts, String failureKind,
		String errorMessage, String sourceUrl, String published, String author, String sourceName,
		String glossarySha256, int flagCount, String qualityFlags, LocalDateTime updatedAt) {
}
