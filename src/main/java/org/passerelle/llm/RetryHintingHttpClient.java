package org.passerelle.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP client SPI over the JDK client, keeping what LangChain4j's own client throws
 * away: when a provider answers an error with {@code Retry-After} or {@code x-ratelimit-reset-*}, the
 * wait it asks for travels with the exception ({@link ProviderHttpException}), so that the one retry
 * layer can honour it.
 */
final class RetryHintingHttpClient implements HttpClient {

	private final java.net.http.HttpClient client;

	private final Duration readTimeout;

	private RetryHintingHttpClient(Duration connectTimeout, Duration readTimeout) {
		this.client = java.net.http.HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build();
		this.readTimeout = readTimeout;
	}

	static Builder builder() {
		return new Builder();
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
			.timeout(readTimeout)
			.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
					: java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
		request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
		HttpResponse<String> response;
		try {
			response = client.send(jdk.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the provider", ex);
		}
		Map<String, List<String>> headers = response.headers().map();
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			throw new ProviderHttpException(response.statusCode(), response.body(), RetryAfter.from(headers::get));
		}
		return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers).body(response.body()).build();
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		throw new UnsupportedOperationException("Passerelle does not stream answers");
	}

	/** An error answer from the provider, with the wait it asked for, if any. */
	static final class ProviderHttpException extends HttpException {

		private final transient Optional<Duration> retryAfter;

		ProviderHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
			super(statusCode, body);
			this.retryAfter = retryAfter;
		}

		Optional<Duration> retryAfter() {
			return retryAfter;
		}

	}

	static final class Builder extends TimeoutsBuilder {

		@Override
		public HttpClient build() {
			return new RetryHintingHttpClient(connectTimeout(), readTimeout());
		}

	}

}
