package org.passerelle.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version recorded with every result: derived from the prompt files' bytes, so any edit to a
 * prompt is a new version and the ledger translates articles again with it. Nobody has to remember
 * to bump a number.
 */
public final class PromptVersion {

	private PromptVersion() {
	}

	public static String current() {
		return VERSION;
	}

	private static final String VERSION = compute();

	/** Reads a prompt file from the classpath. */
	static String text(String resource) {
		try (InputStream stream = PromptVersion.class.getResourceAsStream(resource)) {
			if (stream == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String compute() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String resource : ArticleTranslator.PROMPT_FILES) {
				digest.update(text(resource).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			return "translate-article@" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

}
