package org.passerelle.batch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.passerelle.llm.Translation;

/**
 * What the request shared by several articles cost each of them and what the memory gave it, kept from
 * the step that sent it to the step that writes the articles (whose English is then all in the memory).
 */
class SentTogether {

	private final Map<String, Translation> sent = new ConcurrentHashMap<>();

	void put(Translation translation) {
		sent.put(translation.article().sha256(), translation);
	}

	/** Once only: a second file with the same content paid nothing. */
	Optional<Translation> take(String sha256) {
		return Optional.ofNullable(sent.remove(sha256));
	}

}
