package org.passerelle.history;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Another run, on this host or another, holds the input folder: this one is refused (exit 3). */
public class FolderInUseException extends RuntimeException {

	FolderInUseException(String inputDir, String host, Long pid, LocalDateTime since) {
		super("another Passerelle run is translating " + inputDir
				+ (host == null ? "" : " (host " + host + ", pid " + pid + ", since "
						+ since.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " UTC)")
				+ "; try again when it has finished");
	}

}
