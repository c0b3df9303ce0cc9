package org.passerelle.llm;

/**
 * A request was not sent because it would take the run over its spending cap. Not a failure of the
 * article: it is left for {@code restart} or the next run.
 */
public class SpendingCapReachedException extends CallNotSentException {

	public SpendingCapReachedException(String cap) {
		super("not sent: it would take the run over " + cap);
	}

}
