package org.passerelle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A jar test's fixture, one per test: a fresh home directory (the child JVM's working directory), a
 * fake provider, and the jar pointed at it over the OpenAI API with quick retries. After the test it
 * ends any process still running, stops the fake, and deletes the home and every process's output, so
 * that nothing is left in the temporary directory. Declare it as an instance field:
 *
 * <pre>
 * &#64;RegisterExtension
 * final PasserelleJarExtension jar = new PasserelleJarExtension("sk-test");
 * </pre>
 */
public final class PasserelleJarExtension implements AfterEachCallback {

	private final Path home;

	private final FakeLlmServer fake;

	private final JarProcess passerelle;

	public PasserelleJarExtension(String apiKey) {
		try {
			home = Files.createTempDirectory("passerelle-home");
			fake = FakeLlmServer.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		passerelle = JarProcess.against(fake, home, apiKey);
	}

	public Path home() {
		return home;
	}

	public FakeLlmServer fake() {
		return fake;
	}

	public JarProcess passerelle() {
		return passerelle;
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		try {
			passerelle.close();
		}
		finally {
			try {
				fake.close();
			}
			finally {
				try (Stream<Path> files = Files.walk(home)) {
					for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(file);
					}
				}
			}
		}
	}

}
