package org.passerelle.batch;

import java.util.concurrent.atomic.AtomicBoolean;
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

	private final AtomicBoolean providerDown = new AtomicBoolean();

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
				if (consecutiveOutages.incrementAndGet() < failuresBeforeStop) {
					return true;
				}
				providerDown.set(true);
				return false;
			}
			consecutiveOutages.set(0);
			return true;
		}
		return false;
	}

	/**
	 * The step is stopping because the provider is down. Articles of the same chunk still queued or
	 * being retried on other threads give up at once instead of calling a dead provider.
	 */
	boolean providerDown() {
		return providerDown.get();
	}

	/** The provider answered for an article: whatever failed before was not an outage in a row. */
	void providerAnswered() {
		consecutiveOutages.set(0);
	}

}
