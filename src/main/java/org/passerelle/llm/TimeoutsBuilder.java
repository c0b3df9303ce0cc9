package org.passerelle.llm;

import java.time.Duration;

import dev.langchain4j.http.client.HttpClientBuilder;

/** What LangChain4j asks of an HTTP client's builder besides building: its two timeouts, kept when null. */
abstract class TimeoutsBuilder implements HttpClientBuilder {

	private Duration connectTimeout = Duration.ofSeconds(15);

	private Duration readTimeout = Duration.ofSeconds(60);

	@Override
	public Duration connectTimeout() {
		return connectTimeout;
	}

	@Override
	public TimeoutsBuilder connectTimeout(Duration timeout) {
		if (timeout != null) {
			this.connectTimeout = timeout;
		}
		return this;
	}

	@Override
	public Duration readTimeout() {
		return readTimeout;
	}

	@Override
	public TimeoutsBuilder readTimeout(Duration timeout) {
		if (timeout != null) {
			this.readTimeout = timeout;
		}
		return this;
	}

}
