package org.passerelle.cli;

import java.nio.file.Path;

/** Another process holds the work directory: exit 3, unless the command can answer without the database. */
final class WorkDirectoryLocked extends CommandFailure {

	private final Path workDir;

	private final Long holder;

	WorkDirectoryLocked(Path workDir, Long holder) {
		super(ExitCodes.LOCKED, "another Passerelle process is running on " + workDir.toAbsolutePath()
				+ (holder == null ? "" : " (pid " + holder + ")") + "; try again when it has finished");
		this.workDir = workDir;
		this.holder = holder;
	}

	Path workDir() {
		return workDir;
	}

	/** The pid of the process that holds it, as it wrote it in the lock file, if it did. */
	Long holder() {
		return holder;
	}

}
