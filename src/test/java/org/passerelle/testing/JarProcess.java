package org.passerelle.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code passerelle.jar} in a child JVM, in a directory of the test's, with its own
 * environment. {@link #close()} ends what is still running and deletes the processes' output files.
 */
public final class JarProcess implements AutoCloseable {

	private final Path directory;

	private final Map<String, String> environment = new HashMap<>();

	private final List<Running> started = new ArrayList<>();

	public JarProcess(Path directory) {
		this.directory = directory;
		TestDatabase.environment(directory, environment::put);
	}

	/** A process pointed at the fake provider over the OpenAI API, with quick retries. */
	public static JarProcess against(FakeLlmServer fake, Path directory, String apiKey) {
		return new JarProcess(directory).env("PASSERELLE_LLM_PROVIDER", "openai")
			.env("PASSERELLE_LLM_BASE_URL", fake.openAiBaseUrl())
			.env("PASSERELLE_LLM_MODEL", FakeLlmServer.MODEL)
			.env("PASSERELLE_LLM_API_KEY", apiKey)
			.env("PASSERELLE_LLM_RETRY_BACKOFF", "10ms")
			.env("PASSERELLE_LLM_RETRY_MAX_BACKOFF", "50ms");
	}

	public JarProcess env(String name, String value) {
		environment.put(name, value);
		return this;
	}

	/** A variable the processes get, if set: the database settings of the PostgreSQL round, say. */
	public java.util.Optional<String> env(String name) {
		return java.util.Optional.ofNullable(environment.get(name));
	}

	public Result run(String... args) throws IOException, InterruptedException {
		return start(args).await();
	}

	public Running start(String... args) throws IOException {
		String jar = System.getProperty("passerelle.jar", "target/passerelle.jar");
		if (!Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException(jar + " is missing: these tests run after 'package' (./mvnw verify)");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", Path.of(jar).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		return start(command);
	}

	/** Runs a shell command line, as a person pastes it, with this process's environment; {@code java} is this JVM's. */
	public Result shell(String commandLine) throws IOException, InterruptedException {
		return start(List.of("bash", "-c", "PATH=" + Path.of(System.getProperty("java.home"), "bin") + ":$PATH; " + commandLine))
			.await();
	}

	private Running start(List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		// a clean environment: nothing of the developer's provider settings leaks into the test
		builder.environment().keySet().removeIf(name -> name.startsWith("PASSERELLE_") || name.endsWith("_API_KEY"));
		builder.environment().putAll(environment);
		Path logs = Files.createTempDirectory("passerelle-process");
		builder.redirectOutput(logs.resolve("stdout").toFile());
		builder.redirectError(logs.resolve("stderr").toFile());
		Running running = new Running(builder.start(), logs);
		synchronized (started) {
			started.add(running);
		}
		return running;
	}

	/** Kills whatever is still running (a test that failed half-way) and deletes every process's output. */
	@Override
	public void close() throws IOException, InterruptedException {
		List<Running> all;
		synchronized (started) {
			all = List.copyOf(started);
			started.clear();
		}
		for (Running running : all) {
			running.process().destroyForcibly();
			running.process().waitFor(Await.LIMIT.toSeconds(), TimeUnit.SECONDS);
			try (var files = Files.walk(running.logs())) {
				for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/** A child process still running, and where its output goes. */
	public record Running(Process process, Path logs) {

		/** Waits for the process to exit; fails at {@link Await#LIMIT}. */
		public Result await() throws IOException, InterruptedException {
			return await(Await.LIMIT);
		}

		public Result await(Duration timeout) throws IOException, InterruptedException {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("passerelle did not finish within " + timeout);
			}
			return new Result(process.exitValue(), Files.readString(logs.resolve("stdout"), StandardCharsets.UTF_8),
					Files.readString(logs.resolve("stderr"), StandardCharsets.UTF_8));
		}

		/** Waits until the process has written this text to its output; fails if it exits first. */
		public void awaitOutput(String text) throws InterruptedException {
			Await.until("'" + text + "' in passerelle's output", () -> {
				if (output().contains(text)) {
					return true;
				}
				if (!process.isAlive() && !output().contains(text)) {
					throw new AssertionError("passerelle exited (" + process.exitValue() + ") without writing '" + text
							+ "':\n" + output());
				}
				return false;
			}, () -> "its output so far:\n" + output());
		}

		/** What it has written so far, standard output then standard error. */
		public String output() {
			try {
				// lenient decoding: the last character may be half written
				return new String(Files.readAllBytes(logs.resolve("stdout")), StandardCharsets.UTF_8)
						+ new String(Files.readAllBytes(logs.resolve("stderr")), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

	/** What a finished process left. */
	public record Result(int exitCode, String stdout, String stderr) {

		public String all() {
			return stdout + stderr;
		}

	}

}
