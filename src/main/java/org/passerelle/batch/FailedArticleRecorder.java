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
 * Records an article the step skipped as a failed ledger row, with its reason. Spring Batch calls this
 * inside the chunk's transaction, so the failure is recorded exactly when the chunk commits.
 */
public class FailedArticleRecorder implements SkipListener<SourceFile, Translation> {

	private static final Logger log = LoggerFactory.getLogger(FailedArticleRecorder.class);

	private final ArticleLedger ledger;

	private final Translation.Engine engine;

	private final long jobExecutionId;

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
		ledger.recordFailure(source.id(), sha256, engine, kind, failure.getMessage(), jobExecutionId);
	}

}
