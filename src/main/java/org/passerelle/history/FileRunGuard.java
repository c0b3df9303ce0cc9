package org.passerelle.history;

import java.nio.file.Path;

/**
 * The guard of an HSQLDB file history: the file belongs to one process at a time (the work directory's
 * lock, taken before the database opens), so every folder is this process's to run, and a run it finds
 * STARTED was left by a process that died.
 */
final class FileRunGuard implements RunGuard {

	@Override
	public Hold hold(Path inputDir) {
		return () -> {
		};
	}

	@Override
	public boolean ifFree(String inputDir, Runnable action) {
		action.run();
		return true;
	}

	@Override
	public boolean holdsHere(String inputDir) {
		return true;
	}

}
