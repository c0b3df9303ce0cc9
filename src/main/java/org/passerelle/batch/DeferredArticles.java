package org.passerelle.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.passerelle.article.SourceFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Articles a run read but did not send because it reached its spending cap. The reader has moved past
 * them, so they are kept in the step's execution context, committed with the chunk: the {@code restart}
 * of the stopped run reads them first, then goes on where the reader stopped. They are neither failed
 * nor done, so tomorrow's run finds them pending in any case.
 */
class DeferredArticles implements ItemStream {

	static final String KEY = "passerelle.deferred";

	private final Deque<String> toReadAgain = new ArrayDeque<>();

	private final Queue<String> deferredNow = new ConcurrentLinkedQueue<>();

	@Override
	public void open(ExecutionContext context) {
		toReadAgain.clear();
		String saved = context.getString(KEY, "");
		if (!saved.isEmpty()) {
			toReadAgain.addAll(List.of(saved.split("\n")));
		}
	}

	/** The next article deferred by the run this one restarts, or null when there are no more. */
	synchronized String nextToReadAgain() {
		return toReadAgain.poll();
	}

	void defer(SourceFile article) {
		deferredNow.add(article.id());
	}

	long deferredCount() {
		return deferredNow.size();
	}

	@Override
	public synchronized void update(ExecutionContext context) {
		List<String> all = new ArrayList<>(toReadAgain);
		all.addAll(deferredNow);
		context.putString(KEY, String.join("\n", all));
		context.putLong(KEY + ".count", deferredNow.size());
	}

}
