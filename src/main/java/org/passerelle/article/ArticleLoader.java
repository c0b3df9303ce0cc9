package org.passerelle.article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads one source file into a cleaned {@link Article}, or says in plain words why it cannot be
 * translated (empty, too large, not UTF-8 text).
 */
public final class ArticleLoader {

	private final ArticleCleaner cleaner;

	private final long maxFileBytes;

	public ArticleLoader(ArticleCleaner cleaner, long maxFileBytes) {
		this.cleaner = cleaner;
		this.maxFileBytes = maxFileBytes;
	}

	public Article load(SourceFile source) throws UnusableArticleException {
		byte[] bytes = readBytes(source);
		String sha256 = sha256(bytes);
		String text = decodeUtf8(source, sha256, bytes);
		ArticleCleaner.CleanText clean = cleaner.clean(text);
		if (clean.title().isEmpty()) {
			throw new UnusableArticleException(source, sha256, "the file holds no text");
		}
		if (clean.paragraphs().isEmpty()) {
			throw new UnusableArticleException(source, sha256, "the file has a title but no paragraph after cleaning");
		}
		return new Article(source, sha256, clean.title(), clean.paragraphs());
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
				throw new UnusableArticleException(source, sha256(new byte[0]), "the file is empty");
			}
			if (size > maxFileBytes) {
				throw new UnusableArticleException(source, "the file is " + size + " bytes, over the limit of "
						+ maxFileBytes + " (passerelle.max-file-bytes)");
			}
			return Files.readAllBytes(source.path());
		}
		catch (IOException ex) {
			throw new UnusableArticleException(source, "the file cannot be read: " + ex.getMessage());
		}
	}

	private static String decodeUtf8(SourceFile source, String sha256, byte[] bytes) throws UnusableArticleException {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			if (text.indexOf('\0') >= 0) {
				throw new UnusableArticleException(source, sha256, "the file looks binary (it contains NUL bytes)");
			}
			return text;
		}
		catch (CharacterCodingException ex) {
			throw new UnusableArticleException(source, sha256, "the file is not valid UTF-8 text");
		}
	}

}
