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

	private static final AtomicLong BATCH_INPUT_TOKENS = new AtomicLong();

	private static final AtomicLong BATCH_OUTPUT_TOKENS = new AtomicLong();

	// set by the HTTP client when it answers from a provider batch, read by the listener on the same thread
	private static final ThreadLocal<Boolean> NEXT_FROM_BATCH = new ThreadLocal<>();

	private static final ThreadLocal<Boolean> LAST_FROM_BATCH = new ThreadLocal<>();

	private ProviderResponses() {
	}

	@Override
	public void onResponse(ChatModelResponseContext context) {
		LAST.set(context.chatResponse().finishReason());
		boolean fromBatch = Boolean.TRUE.equals(NEXT_FROM_BATCH.get());
		NEXT_FROM_BATCH.remove();
		LAST_FROM_BATCH.set(fromBatch);
		TokenUsage usage = context.chatResponse().tokenUsage();
		if (usage != null) {
			(fromBatch ? BATCH_INPUT_TOKENS : INPUT_TOKENS).addAndGet(usage.inputTokenCount() == null ? 0 : usage.inputTokenCount());
			(fromBatch ? BATCH_OUTPUT_TOKENS : OUTPUT_TOKENS).addAndGet(usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
		}
	}

	static void forget() {
		LAST.remove();
		LAST_FROM_BATCH.remove();
		NEXT_FROM_BATCH.remove();
	}

	/** The answer about to be parsed on this thread comes from a provider batch, billed at the batch price. */
	static void nextIsFromBatch() {
		NEXT_FROM_BATCH.set(true);
	}

	static boolean lastWasFromBatch() {
		return Boolean.TRUE.equals(LAST_FROM_BATCH.get());
	}

	/** Tokens of the answers this process took from provider batches so far: input, output. */
	public static long[] batchTokens() {
		return new long[] { BATCH_INPUT_TOKENS.get(), BATCH_OUTPUT_TOKENS.get() };
	}

	static boolean lastWasLength() {
		return LAST.get() == FinishReason.LENGTH;
	}

	/** Tokens of every live answer received by this process so far: input, output. */
	public static long[] billedTokens() {
		return new long[] { INPUT_TOKENS.get(), OUTPUT_TOKENS.get() };
	}

}
