package org.passerelle.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Debian's {@code chromium}, headless, for reading a report the way a reader's browser does: the DOM
 * after the page is parsed, and screenshots. Each call has a fresh profile and no network services.
 * Tests skip when it is not installed ({@code .ci/run} installs it).
 */
public final class HeadlessChromium {

	/** What a test says when it skips. */
	public static final String MISSING = "chromium is not installed, so the report is not checked in a browser; "
			+ "install it with: apt-get update && apt-get install -y chromium (.ci/run does)";

	private HeadlessChromium() {
	}

	public static Optional<Path> executable() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Optional.of(Path.of(candidate));
			}
		}
		return Optional.empty();
	}

	public static boolean available() {
		return executable().isPresent();
	}

	/** The page as the browser built it, parsed, to read the text a reader sees. */
	public static Document dom(Path page) throws IOException, InterruptedException {
		String dom = run(page, "--dump-dom");
		return Jsoup.parse(dom, page.toUri().toString());
	}

	/** A screenshot of the top of the page, at 1280 pixels wide. */
	public static Path screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height, "--hide-scrollbars");
		if (!Files.isRegularFile(png)) {
			throw new IllegalStateException("chromium wrote no screenshot at " + png);
		}
		return png;
	}

	/** Runs chromium on a page, or on a URL given as is, and returns what it printed. */
	public static String run(Path page, String... options) throws IOException, InterruptedException {
		return runUrl(page.toAbsolutePath().toUri().toString(), options);
	}

	public static String runUrl(String url, String... options) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("chromium-profile");
		List<String> command = new ArrayList<>(List.of(executable().orElseThrow(() -> new IllegalStateException(MISSING))
			.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
		command.addAll(List.of(options));
		command.add(url);
		Path out = Files.createTempFile("chromium", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(Await.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("chromium did not finish within " + Await.LIMIT.toSeconds() + " s on " + url);
		}
		String printed = Files.readString(out, StandardCharsets.UTF_8);
		Files.deleteIfExists(out);
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		return printed;
	}

}
