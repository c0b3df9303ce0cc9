package org.passerelle.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * Answers a chat request from the provider batch when the batch answered that exact request, and sends
 * it live otherwise. LangChain4j then reads the batch's answer as it reads a live one (the same parsing,
 * the same structured output, the same checks afterwards), and the tokens it reports are billed as batch
 * tokens.
 */
final class ReplayingHttpClient implements HttpClient {

	private final HttpClient live;

	private final BatchAnswers answers;

	private ReplayingHttpClient(HttpClient live, BatchAnswers answers) {
		this.live = live;
		this.answers = answers;
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		// outside batch mode there is nothing to look up, and no request body to hash
		if (answers.size() > 0 && request.method() == HttpMethod.POST && request.body() != null) {
			Optional<String> answered = answers.take(request.body());
			if (answered.isPresent()) {
				ProviderResponses.nextIsFromBatch();
				return SuccessfulHttpResponse.builder().statusCode(200)
					.headers(Map.of("content-type", List.of("application/json")))
					.body(answered.get())
					.build();
			}
		}
		return live.execute(request);
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		live.execute(request, parser, listener);
	}

	static final class Builder implements HttpClientBuilder {

		private final HttpClientBuilder live;

		private final BatchAnswers answers;

		Builder(HttpClientBuilder live, BatchAnswers answers) {
			this.live = live;
			this.answers = answers;
		}

		@Override
		public Duration connectTimeout() {
			return live.connectTimeout();
		}

		@Override
		public Builder connectTimeout(Duration timeout) {
			live.connectTimeout(timeout);
			return this;
		}

		@Override
		public Duration readTimeout() {
			return live.readTimeout();
		}

		@Override
		public Builder readTimeout(Duration timeout) {
			live.readTimeout(timeout);
			return this;
		}

		@Override
		public HttpClient build() {
			return new ReplayingHttpClient(live.build(), answers);
		}

	}

}
