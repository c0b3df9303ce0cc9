package org.passerelle.history;

import java.nio.file.Path;

/**
 * One run at a time per input folder. Each run holds its folder for as long as it goes; a run that finds
 * its folder held is refused at once, and a run left STARTED in the history by a process that died is
 * known by its folder being free.
 */
public interface RunGuard {

	/** Holds the folder until the hold is closed, or throws {@link FolderInUseException} if any run holds it. */
	Hold hold(Path inputDir);

	/**
	 * Runs the action while holding the folder, if no live run holds it (in another process or in this
	 * one); returns false, doing nothing, when one does.
	 */
	boolean ifFree(String inputDir, Runnable action);

	/** Whether this process holds the folder. */
	boolean holdsHere(String inputDir);

	/** A held folder; closing it lets the next run in. */
	interface Hold extends AutoCloseable {

		@Override
		void close();

	}

	/** The form a folder is known by, in the guard and in the job's parameters. */
	static String key(Path inputDir) {
		return inputDir.toAbsolutePath().normalize().toString();
	}

}
