package org.passerelle.ledger;

import java.time.LocalDateTime;

/** One ledger row. Token counts add up over every attempt on that content. */
public record LedgerEntry(String articleId, String contentSha256, String status, String provider, String model,
		String promptVersion, long jobExecutionId, String translationPath, String summaryPath, String metadataPath,
		long inputTokens, long outputTokens, int attempts, String failureKind, String errorMessage,
		LocalDateTime updatedAt) {
}
