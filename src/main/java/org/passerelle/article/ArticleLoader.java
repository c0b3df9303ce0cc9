package org.passerelle.article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads one source file into a cleaned {@link Article}, or says in plain words why it cannot be
 * translated: empty, too large, binary, neither UTF-8 nor Windows-1252 French, or not in French.
 */
public final class ArticleLoader {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final ArticleCleaner cleaner;

	private final long maxFileBytes;

	public ArticleLoader(ArticleCleaner cleaner, long maxFileBytes) {
		this.cleaner = cleaner;
		this.maxFileBytes = maxFileBytes;
	}

	public Article load(SourceFile source) throws UnusableArticleException {
		byte[] bytes = readBytes(source);
		String sha256 = sha256(bytes);
		String encoding = "UTF-8";
		String text;
		try {
			text = decodeStrictly(bytes, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException notUtf8) {
			text = windows1252(bytes);
			if (text == null) {
				throw new UnusableArticleException(sha256, "the file is not valid UTF-8 text");
			}
			encoding = WINDOWS_1252.name();
		}
		// cleaned and its language guessed once: both decide the encoding question and the French one
		ArticleCleaner.CleanText clean = cleaner.clean(text);
		Optional<String> language = LanguageGuess.shared().of(clean.text());
		// older exports are often Windows-1252; accept that reading only if it yields French
		if (!encoding.equals("UTF-8") && !language.equals(Optional.of("french"))) {
			throw new UnusableArticleException(sha256, "the file is not valid UTF-8 text");
		}
		if (text.indexOf('\0') >= 0) {
			throw new UnusableArticleException(sha256, "the file looks binary (it contains NUL bytes)");
		}
		if (clean.title().isEmpty()) {
			throw new UnusableArticleException(sha256, "the file holds no text");
		}
		if (clean.paragraphs().isEmpty()) {
			throw new UnusableArticleException(sha256, "the file has a title but no paragraph after cleaning");
		}
		if (language.isPresent() && !language.get().equals("french")) {
			throw new UnusableArticleException(sha256, "the article is in " + language.get() + ", not French");
		}
		return new Article(source, sha256, clean.title(), clean.paragraphs(), encoding);
	}

	/** Hex SHA-256 of a file's bytes, without cleaning it: cheap enough to decide whether work is needed. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	private byte[] readBytes(SourceFile source) throws UnusableArticleException {
		try {
			long size = Files.size(source.path());
			if (size == 0) {
				throw new UnusableArticleException(sha256(new byte[0]), "the file is empty");
			}
			if (size > maxFileBytes) {
				throw new UnusableArticleException(null, "the file is " + size + " bytes, over the limit of "
						+ maxFileBytes + " (passerelle.max-file-bytes)");
			}
			return Files.readAllBytes(source.path());
		}
		catch (IOException ex) {
			throw new UnusableArticleException(null, "the file cannot be read: " + ex.getMessage());
		}
	}

	private static String decodeStrictly(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	private static String windows1252(byte[] bytes) {
		try {
			return decodeStrictly(bytes, WINDOWS_1252);
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
