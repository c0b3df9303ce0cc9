package org.passerelle.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.service.output.OutputParsingException;
import org.passerelle.article.Article;

/** Sorts what a provider call threw into the three kinds of {@link TranslationFailedException}. */
final class FailureClassifier {

	private FailureClassifier() {
	}

	static TranslationFailedException classify(Article article, RuntimeException error, String secret) {
		String reason = ErrorDescriptions.describe(error, secret);
		Optional<Duration> retryAfter = retryAfter(error);
		if (error instanceof OutputParsingException) {
			// checked first: its cause is a Jackson parse error, which is an IOException but no network failure
			return new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER,
					"the answer could not be read: " + reason, error, retryAfter);
		}
		if (error instanceof ContentFilteredException) {
			return new TranslationFailedException(article, TranslationFailedException.Kind.REJECTED,
					"the provider refused the article (content filter): " + reason, error, retryAfter);
		}
		if (error instanceof RetriableException || isNetworkFailure(error)) {
			return new TranslationFailedException(article, TranslationFailedException.Kind.PROVIDER_UNAVAILABLE,
					"the provider did not answer properly: " + reason, error, retryAfter);
		}
		if (error instanceof InvalidRequestException) {
			String message = String.valueOf(error.getMessage());
			if (isContextTooLong(message)) {
				return new TranslationFailedException(article, TranslationFailedException.Kind.TOO_LONG,
						"the article is too long for the model's context window: " + reason, error, retryAfter);
			}
			return new TranslationFailedException(article, TranslationFailedException.Kind.REJECTED,
					"the provider rejected the request: " + reason, error, retryAfter);
		}
		// what remains is an answer LangChain4j could not read: malformed or truncated JSON
		return new TranslationFailedException(article, TranslationFailedException.Kind.BAD_ANSWER,
				"the answer could not be read: " + reason, error, retryAfter);
	}

	/** OpenAI and vLLM ("maximum context length"), Anthropic ("prompt is too long"), llama.cpp ("context size"). */
	private static boolean isContextTooLong(String message) {
		String lower = message.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("context_length_exceeded") || lower.contains("maximum context length")
				|| lower.contains("prompt is too long") || lower.contains("exceed_context_size")
				|| lower.contains("exceeds the available context size");
	}

	private static boolean isNetworkFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof UncheckedIOException
					|| cause instanceof HttpTimeoutException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static Optional<Duration> retryAfter(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetryHintingHttpClient.ProviderHttpException http) {
				return http.retryAfter();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
