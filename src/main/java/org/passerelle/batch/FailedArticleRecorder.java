package org.passerelle.batch;

import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;

/**
 * Records an article the step skipped as a failed ledger row, with its reason. Articles are processed
 * on worker threads, outside the chunk's transaction, so failures wait here until the chunk's writer
 * records them in its transaction: a chunk that rolls back (the provider went down, the process died)
 * leaves no failure behind, and its articles are simply tried again.
 */
public class FailedArticleRecorder implements SkipListener<SourceFile, Translation> {

	private static final Logger log = LoggerFactory.getLogger(FailedArticleRecorder.class);

	private final ArticleLedger ledger;

	private final Translation.Engine engine;

	private final long jobExecutionId;

	private final java.util.Queue<Failure> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();

	public FailedArticleRecorder(ArticleLedger ledger, Translation.Engine engine, long jobExecutionId) {
		this.ledger = ledger;
		this.engine = engine;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public void onSkipInProcess(SourceFile source, Throwable failure) {
		String sha256 = null;
		String kind = "UNEXPECTED";
		if (failure instanceof UnusableArticleException unusable) {
			sha256 = unusable.sha256();
			kind = "BAD_INPUT";
		}
		else if (failure instanceof TranslationFailedException failed) {
			sha256 = failed.sha256();
			kind = failed.kind().name();
		}
		log.warn("{}: FAILED, {}", source.id(), failure.getMessage());
		pending.add(new Failure(source.id(), sha256, kind, failure.getMessage()));
	}

	/** Records the failures of the chunk being written; called in the chunk's transaction. */
	void recordPending() {
		Failure failure;
		while ((failure = pending.poll()) != null) {
			ledger.recordFailure(failure.articleId(), failure.sha256(), engine, failure.kind(), failure.reason(),
					jobExecutionId);
		}
	}

	private record Failure(String articleId, String sha256, String kind, String reason) {
	}

}
