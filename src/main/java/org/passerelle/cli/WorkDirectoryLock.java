package org.passerelle.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * One Passerelle process per work directory (the HSQLDB file in it, the answers in flight): takes an OS
 * file lock on {@code <work-dir>/passerelle.lock}
 * as soon as the configuration is known, before the database is opened, and refuses at once (exit 3)
 * when another process holds it. The OS drops the lock when a process dies, even by {@code kill -9},
 * so a crashed run never blocks the next night's.
 */
final class WorkDirectoryLock implements ApplicationListener<ApplicationEvent> {

	private final boolean readOnly;

	private FileChannel channel;

	private FileLock lock;

	/** @param readOnly a command that only reads the history, which needs no lock when a server holds it */
	WorkDirectoryLock(boolean readOnly) {
		this.readOnly = readOnly;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			hold(prepared.getEnvironment());
		}
		else if (event instanceof ContextClosedEvent) {
			release();
		}
	}

	/** Takes the lock of the work directory these settings name, unless it is held already or not needed. */
	void hold(Environment environment) {
		if (lock != null) {
			return;
		}
		String server = environment.getProperty("passerelle.database.url", "");
		if (readOnly && !server.isBlank() && !server.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:hsqldb:")) {
			return;
		}
		acquire(Path.of(environment.getProperty("passerelle.work-dir", ".passerelle")));
	}

	private void acquire(Path workDir) {
		Path file = workDir.resolve("passerelle.lock");
		try {
			Files.createDirectories(workDir);
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lock = channel.tryLock();
		}
		catch (IOException ex) {
			throw new CommandFailure(ExitCodes.USAGE, "cannot use the work directory " + workDir.toAbsolutePath()
					+ " (" + ex.getMessage() + "); set PASSERELLE_WORK_DIR to a writable directory");
		}
		if (lock == null) {
			release();
			throw new WorkDirectoryLocked(workDir, holder(file));
		}
		try {
			// who holds it, for a 'status' that finds it held
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
		}
		catch (IOException ex) {
			// only 'status' misses it
		}
	}

	/** The pid the holder of the lock wrote in it; file locks are advisory, so the file can be read. */
	static Long holder(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
			return text.isEmpty() ? null : Long.valueOf(text);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Lets the work directory go; nothing when it is not held. */
	void release() {
		try {
			if (lock != null) {
				lock.release();
			}
			if (channel != null) {
				channel.close();
			}
		}
		catch (IOException ex) {
			// the lock goes with the process anyway
		}
		lock = null;
		channel = null;
	}

}
