package org.passerelle.batch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.TranslationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The one retry layer for LLM calls (LangChain4j's own is off). Retries an article whose translation
 * failed in a way that trying again can fix, waiting with exponential back-off and jitter, or as long
 * as the provider asked with Retry-After when that is longer. Counts its retries into the step's
 * execution context.
 */
class ProviderRetryPolicy implements RetryPolicy, StepExecutionListener {

	static final String RETRIES = "passerelle.retries";

	private static final Logger log = LoggerFactory.getLogger(ProviderRetryPolicy.class);

	private final PasserelleProperties.Retry settings;

	// RetryTemplate asks shouldRetry, then the back-off, on the same thread: this carries the failure across
	private final ThreadLocal<TranslationFailedException> lastFailure = new ThreadLocal<>();

	private final AtomicLong retries = new AtomicLong();

	ProviderRetryPolicy(PasserelleProperties.Retry settings) {
		this.settings = settings;
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		if (failure instanceof TranslationFailedException translation && translation.isRetriable()) {
			lastFailure.set(translation);
			return true;
		}
		return false;
	}

	@Override
	public BackOff getBackOff() {
		return () -> new BackOffExecution() {

			private int attempt;

			@Override
			public long nextBackOff() {
				TranslationFailedException failure = lastFailure.get();
				lastFailure.remove();
				if (attempt >= settings.maxRetries()) {
					return STOP;
				}
				Duration wait = delay(attempt++, failure);
				retries.incrementAndGet();
				log.info("retrying in {} ms ({} of {}) after: {}", wait.toMillis(), attempt, settings.maxRetries(),
						failure == null ? "a failure" : failure.getMessage());
				return wait.toMillis();
			}

		};
	}

	/** Exponential from the configured back-off, with up to 50% jitter, capped; never shorter than Retry-After. */
	Duration delay(int attempt, TranslationFailedException failure) {
		long base = settings.backoff().toMillis() << Math.min(attempt, 20);
		long jittered = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
		Duration wait = Duration.ofMillis(Math.min(jittered, settings.maxBackoff().toMillis()));
		if (failure != null && failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(wait) > 0) {
			wait = failure.retryAfter().get();
		}
		return wait;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		stepExecution.getExecutionContext().putLong(RETRIES, retries.get());
		return null;
	}

}
