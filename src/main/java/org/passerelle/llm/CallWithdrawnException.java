package org.passerelle.llm;

/**
 * A request was not sent because the work it was for is no longer this process's: the partition of a
 * distributed run it belongs to was restarted, and another worker does it now.
 */
public class CallWithdrawnException extends CallNotSentException {

	public CallWithdrawnException() {
		super("not sent: this worker no longer holds the partition it was for");
	}

}
