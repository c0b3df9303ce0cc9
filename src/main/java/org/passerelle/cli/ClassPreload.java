package org.passerelle.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a thread of its own, classes a command will need once its settings are read: the JVM then
 * reads and verifies them on the second core while the first reads the configuration and sets up the
 * logging, which the history cannot be opened before. Loading is all it does (no class is initialised, so
 * nothing runs early); a name that is not there any more is passed over, and the command loads whatever
 * it needs itself as usual. The lists are the class-loading log of the command, in order
 * ({@code -Xlog:class+load}, from the first HSQLDB class on).
 */
final class ClassPreload {

	private ClassPreload() {
	}

	/** Starts loading the classes named in this resource, one per line; returns at once. */
	static void start(String resource) {
		Thread thread = new Thread(() -> load(resource), "passerelle-class-preload");
		thread.setDaemon(true);
		thread.start();
	}

	private static void load(String resource) {
		ClassLoader loader = ClassPreload.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				return;
			}
			BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String name = names.readLine(); name != null; name = names.readLine()) {
				try {
					Class.forName(name.strip(), false, loader);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					// not there in this build: the command loads what it needs when it needs it
				}
			}
		}
		catch (IOException ex) {
			// only a head start lost
		}
	}

}
