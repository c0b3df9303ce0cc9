package org.passerelle.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way a model will, give or take: JTokkit's cl100k tokenizer, plus a margin because
 * the user's model may tokenize French less efficiently (Llama- and Mistral-family tokenizers need up to
 * a fifth more tokens for the same text). Counts are meant for sizing requests, so they err on the high side.
 */
public final class TokenCounter {

	/** Headroom for tokenizers that split French more finely than cl100k does. */
	static final double MARGIN = 1.2;

	private static final TokenCounter SHARED = new TokenCounter();

	private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

	private TokenCounter() {
	}

	public static TokenCounter shared() {
		return SHARED;
	}

	/** Tokens this text is expected to take in the model's input, margin included. */
	public int count(String text) {
		if (text == null || text.isEmpty()) {
			return 0;
		}
		return (int) Math.ceil(encoding.countTokensOrdinary(text) * MARGIN);
	}

}
