package org.passerelle.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * An HTTP client that sends nothing: it stops LangChain4j at the moment it would send a request, and
 * hands the request over. A batch is made of the very requests live calls would send, built by the
 * same client code, so live and batch answers are asked for in one shape and read back the same way.
 */
final class RequestCapture implements HttpClient {

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		throw new Captured(request);
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		throw new Captured(request);
	}

	/** The request LangChain4j was about to send. */
	static final class Captured extends RuntimeException {

		private final transient HttpRequest request;

		Captured(HttpRequest request) {
			super("request captured for a batch", null, false, false);
			this.request = request;
		}

		HttpRequest request() {
			return request;
		}

		/** The captured request behind whatever LangChain4j wrapped it in, if that is what this is. */
		static Captured in(Throwable thrown) {
			for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
				if (cause instanceof Captured captured) {
					return captured;
				}
			}
			return null;
		}

	}

	static final class Builder extends TimeoutsBuilder {

		@Override
		public HttpClient build() {
			return new RequestCapture();
		}

	}

}
