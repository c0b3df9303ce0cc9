package org.passerelle.llm;

/**
 * Where a provider batch stands.
 *
 * @param phase what it means for the job
 * @param status the provider's own word for it ({@code in_progress}, {@code ended}, {@code expired}...)
 * @param total requests in the batch
 * @param finished requests answered so far, well or not
 * @param detail why the batch failed, when it did
 */
public record BatchState(Phase phase, String status, long total, long finished, String detail) {

	public enum Phase {

		/** Still being worked on: poll again later. */
		IN_PROGRESS,

		/** Every request has an outcome; results can be downloaded. */
		ENDED,

		/** The whole batch failed or expired: none (or only part) of it was answered. */
		FAILED

	}

	public boolean ended() {
		return phase != Phase.IN_PROGRESS;
	}

}
