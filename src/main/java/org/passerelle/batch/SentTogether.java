package org.passerelle.batch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.passerelle.llm.Translation;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the request shared by several articles cost each of them and what the memory gave it, kept from
 * the step that sent it to the step that writes the articles (whose English is then all in the memory).
 * Kept in the job's execution context too, so that the workers of a distributed run, which read the job
 * from the database, report each article's share as the manager measured it.
 */
class SentTogether {

	/** The job execution context's key: one line per article, its figures tab-separated. */
	static final String KEY = "passerelle.sent.together";

	private final Map<String, Share> sent = new ConcurrentHashMap<>();

	/** What an earlier step of this execution, in this process or the manager's, saved in the job's context. */
	SentTogether(String saved) {
		if (saved != null) {
			saved.lines().filter(line -> !line.isBlank()).map(Share::parse).forEach(share -> sent.put(share.sha256(), share));
		}
	}

	/** The figures of an execution's own requests only: a restart starts from none. */
	void clear() {
		sent.clear();
	}

	void put(Translation translation) {
		Share share = new Share(translation.article().sha256(), translation.article().source().id(), translation.inputTokens(),
				translation.outputTokens(), translation.llmTime().toMillis(), translation.fromBatch(), translation.reuse());
		sent.put(share.sha256(), share);
	}

	/** Saves the figures in the job's execution context, for the steps that read it from the database. */
	void saveIn(ExecutionContext job) {
		StringBuilder lines = new StringBuilder();
		sent.values().forEach(share -> lines.append(share.line()).append('\n'));
		job.putString(KEY, lines.toString());
	}

	/**
	 * For the file that was sent only: another file with the same content paid nothing. Decided by the
	 * file's id rather than by who asks first, so that workers of a distributed run agree.
	 */
	Optional<Share> take(String sha256, String sourceId) {
		Share share = sent.get(sha256);
		return share != null && share.sourceId().equals(sourceId) ? Optional.of(share) : Optional.empty();
	}

	/** One article's share of a shared request. */
	record Share(String sha256, String sourceId, long inputTokens, long outputTokens, long llmMillis, boolean fromBatch,
			Translation.Reuse reuse) {

		Duration llmTime() {
			return Duration.ofMillis(llmMillis);
		}

		String line() {
			return String.join("\t", sha256, Long.toString(inputTokens), Long.toString(outputTokens), Long.toString(llmMillis),
					Boolean.toString(fromBatch), Integer.toString(reuse.paragraphs()), Integer.toString(reuse.ofParagraphs()),
					Long.toString(reuse.savedInputTokens()), Long.toString(reuse.savedOutputTokens()), sourceId);
		}

		static Share parse(String line) {
			// the file id last: it is the only field that could hold a tab
			String[] fields = line.split("\t", 10);
			return new Share(fields[0], fields[9], Long.parseLong(fields[1]), Long.parseLong(fields[2]),
					Long.parseLong(fields[3]), Boolean.parseBoolean(fields[4]), new Translation.Reuse(Integer.parseInt(fields[5]),
							Integer.parseInt(fields[6]), Long.parseLong(fields[7]), Long.parseLong(fields[8])));
		}

	}

}
