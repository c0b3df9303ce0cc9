package org.passerelle.batch;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.passerelle.article.SourceFile;
import org.passerelle.article.UnusableArticleException;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.Translation;
import org.passerelle.llm.TranslationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Records the articles that did not come out: each one the step skipped, as a failed ledger row with its
 * reason, and each one whose file was gone, as no longer failed. Articles are processed on worker
 * threads, outside the chunk's transaction, so both wait here until the chunk's writer records them in
 * its transaction: a chunk that rolls back (the provider went down, the process died) leaves nothing
 * behind, and its articles are simply tried again. The count of gone articles is kept in the step's
 * execution context, for the run's summary.
 */
public class FailedArticleRecorder implements SkipListener<SourceFile, Translation>, ItemStream {

	static final String GONE = "passerelle.gone";

	private static final Logger log = LoggerFactory.getLogger(FailedArticleRecorder.class);

	private final ArticleLedger ledger;

	private final Translation.Engine engine;

	private final Path outputDir;

	private final long jobExecutionId;

	private final Queue<Failure> pending = new ConcurrentLinkedQueue<>();

	private final Queue<SourceFile> pendingGone = new ConcurrentLinkedQueue<>();

	private final AtomicLong gone = new AtomicLong();

	private final RunJournalRecorder journal;

	FailedArticleRecorder(ArticleLedger ledger, Translation.Engine engine, Path outputDir, long jobExecutionId,
			RunJournalRecorder journal) {
		this.journal = journal;
		this.ledger = ledger;
		this.engine = engine;
		this.outputDir = outputDir;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public void onSkipInProcess(SourceFile source, Throwable failure) {
		String sha256 = null;
		String kind = "UNEXPECTED";
		if (failure instanceof OutputNamesakes.OutputClashException) {
			kind = "NAME_CLASH";
		}
		else if (failure instanceof UnusableArticleException unusable) {
			sha256 = unusable.sha256();
			kind = "BAD_INPUT";
		}
		else if (failure instanceof TranslationFailedException failed) {
			sha256 = failed.sha256();
			kind = failed.kind().name();
		}
		log.warn("{}: FAILED, {}", source.id(), failure.getMessage());
		pending.add(new Failure(source, sha256, kind, failure.getMessage()));
	}

	/** An article whose file vanished before it was read. */
	void gone(SourceFile source) {
		pendingGone.add(source);
	}

	/** Records the failures and the gone articles of the chunk being written; called in the chunk's transaction. */
	void recordPending() {
		Failure failure;
		while ((failure = pending.poll()) != null) {
			ledger.recordFailure(failure.source(), outputDir, failure.sha256(), engine, failure.kind(), failure.reason(),
					jobExecutionId);
			journal.failed(failure.source(), failure.kind(), failure.reason(),
					ledger.attempts(failure.source(), failure.sha256()));
		}
		SourceFile vanished;
		while ((vanished = pendingGone.poll()) != null) {
			ledger.recordGone(vanished);
			journal.gone(vanished);
			gone.incrementAndGet();
		}
	}

	@Override
	public void open(ExecutionContext context) {
		gone.set(context.getLong(GONE, 0L));
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(GONE, gone.get());
	}

	private record Failure(SourceFile source, String sha256, String kind, String reason) {
	}

}
