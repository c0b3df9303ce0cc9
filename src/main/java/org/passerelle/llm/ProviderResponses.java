package org.passerelle.llm;

import java.util.concurrent.atomic.AtomicLong;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Sees every answer the provider returns, before LangChain4j parses it. It keeps two things parsing
 * would lose: why the last answer on this thread ended (an answer cut off mid-JSON surfaces only as a
 * parse error), and the tokens of every answer, usable or not, since the provider bills them all.
 * Chat model listeners run on the calling thread.
 */
public final class ProviderResponses implements ChatModelListener {

	static final ProviderResponses LISTENER = new ProviderResponses();

	private static final ThreadLocal<FinishReason> LAST = new ThreadLocal<>();

	private static final AtomicLong INPUT_TOKENS = new AtomicLong();

	private static final AtomicLong OUTPUT_TOKENS = new AtomicLong();

	private ProviderResponses() {
	}

	@Override
	public void onResponse(ChatModelResponseContext context) {
		LAST.set(context.chatResponse().finishReason());
		TokenUsage usage = context.chatResponse().tokenUsage();
		if (usage != null) {
			INPUT_TOKENS.addAndGet(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount());
			OUTPUT_TOKENS.addAndGet(usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
		}
	}

	static void forget() {
		LAST.remove();
	}

	static boolean lastWasLength() {
		return LAST.get() == FinishReason.LENGTH;
	}

	/** Tokens of every answer received by this process so far: input, output. */
	public static long[] billedTokens() {
		return new long[] { INPUT_TOKENS.get(), OUTPUT_TOKENS.get() };
	}

}
