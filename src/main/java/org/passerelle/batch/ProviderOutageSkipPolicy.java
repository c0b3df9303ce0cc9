package org.passerelle.batch;

import java.util.concurrent.atomic.AtomicInteger;

import org.passerelle.article.UnusableArticleException;
import org.passerelle.llm.TranslationFailedException;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skips an article that failed for a reason of its own, so the rest of the run goes on. When the
 * provider has failed several articles in a row even after their retries, it is down: the step stops
 * (the job is FAILED and restartable) rather than marking the rest of the folder failed.
 */
class ProviderOutageSkipPolicy implements SkipPolicy {

	private final int failuresBeforeStop;

	private final AtomicInteger consecutiveOutages = new AtomicInteger();

	ProviderOutageSkipPolicy(int failuresBeforeStop) {
		this.failuresBeforeStop = failuresBeforeStop;
	}

	@Override
	public boolean shouldSkip(Throwable failure, long skipCount) {
		if (failure instanceof UnusableArticleException) {
			return true;
		}
		if (failure instanceof TranslationFailedException translation) {
			if (translation.kind() == TranslationFailedException.Kind.PROVIDER_UNAVAILABLE) {
				return consecutiveOutages.incrementAndGet() < failuresBeforeStop;
			}
			consecutiveOutages.set(0);
			return true;
		}
		return false;
	}

	/** The provider answered for an article: whatever failed before was not an outage in a row. */
	void providerAnswered() {
		consecutiveOutages.set(0);
	}

}
