package org.passerelle.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.output.OutputParsingException;
import org.passerelle.article.Article;

/**
 * Makes one call to the model on behalf of an article: within the run's shared limits, adding up the
 * tokens it reports, and turning its failures into reasons a user can act on.
 */
final class ModelCalls {

	/** How long every call holds back after a 429 that did not say how long to wait. */
	static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

	private final ProviderLimits limits;

	private final String model;

	private final String secret;

	ModelCalls(ProviderLimits limits, String model, String secret) {
		this.limits = limits;
		this.model = model;
		this.secret = secret;
	}

	/** Tokens the provider reported for one article, across all its calls (parts may run on several threads). */
	static final class Tally {

		final AtomicLong input = new AtomicLong();

		final AtomicLong output = new AtomicLong();

		/** Some answer of this article came from a provider batch. */
		volatile boolean fromBatch;

	}

	boolean limitsTokens() {
		return limits.limitsTokens();
	}

	<T> Result<T> call(Article article, long estimatedTokens, Tally tally, Supplier<Result<T>> request)
			throws TranslationFailedException {
		ProviderLimits.Permit permit;
		try {
			permit = limits.acquire(estimatedTokens);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TranslationFailedException(article, TranslationFailedException.Kind.PROVIDER_UNAVAILABLE,
					"interrupted while waiting for the provider's rate limits");
		}
		try (permit) {
			ProviderResponses.forget();
			Result<T> result;
			try {
				result = request.get();
			}
			catch (RateLimitException ex) {
				if (!isQuotaUsedUp(ex)) {
					// while this call still holds its slot: a call waiting for the slot must not slip out before the pause
					limits.slowDown(FailureClassifier.retryAfter(ex).orElse(RATE_LIMIT_PAUSE));
				}
				throw ex;
			}
			TokenUsage tokens = result.tokenUsage();
			long input = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
			long output = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
			tally.input.addAndGet(input);
			tally.output.addAndGet(output);
			tally.fromBatch |= ProviderResponses.lastWasFromBatch();
			permit.settle(input + output);
			return result;
		}
		catch (AuthenticationException ex) {
			throw new ProviderSetupException("the provider refused the API key ("
					+ ErrorDescriptions.describe(ex, secret) + "): check PASSERELLE_LLM_API_KEY", ex);
		}
		catch (ModelNotFoundException ex) {
			throw new ProviderSetupException("the provider does not know the model '" + model
					+ "': check PASSERELLE_LLM_MODEL", ex);
		}
		catch (RateLimitException | InvalidRequestException ex) {
			if (isQuotaUsedUp(ex)) {
				throw new ProviderSetupException("the provider says the account's quota is used up ("
						+ ErrorDescriptions.describe(ex, secret) + "): add credit or use another key or provider", ex);
			}
			throw FailureClassifier.classify(article, ex, secret);
		}
		catch (OutputParsingException ex) {
			if (ProviderResponses.lastWasLength()) {
				// a structured answer cut off mid-JSON cannot be parsed; the finish reason says why
				throw new TranslationFailedException(article, TranslationFailedException.Kind.CUT_OFF,
						"the answer was cut off by the model's output limit", ex, Optional.empty());
			}
			throw FailureClassifier.classify(article, ex, secret);
		}
		catch (RuntimeException ex) {
			throw FailureClassifier.classify(article, ex, secret);
		}
	}

	/** OpenAI's 429 {@code insufficient_quota}, Anthropic's 400 "credit balance is too low": retrying cannot help. */
	private static boolean isQuotaUsedUp(RuntimeException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("insufficient_quota") || message.contains("credit balance is too low");
	}

	/** The failure for an answer the checks refused: cut off by the model's limit, or otherwise bad. */
	static TranslationFailedException refused(Article article, FinishReason finishReason, String problem) {
		return new TranslationFailedException(article, finishReason == FinishReason.LENGTH
				? TranslationFailedException.Kind.CUT_OFF : TranslationFailedException.Kind.BAD_ANSWER, problem);
	}

}
