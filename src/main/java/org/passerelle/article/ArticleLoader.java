package org.passerelle.article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.passerelle.article.html.HtmlArticleExtractor;

/**
 * Reads one source file (or JSON record) into a cleaned {@link Article}, whatever its format, or says
 * in plain words why it cannot be translated: empty, too large, binary, neither UTF-8 nor Windows-1252
 * French, broken JSON, no article in the page, or not in French. A file that vanished before it was read
 * is {@link ArticleGoneException gone}, not unusable.
 */
public final class ArticleLoader {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final ArticleCleaner cleaner;

	private final long maxFileBytes;

	private final HtmlArticleExtractor html = new HtmlArticleExtractor();

	private final JsonArticleReader json = new JsonArticleReader();

	public ArticleLoader(ArticleCleaner cleaner, long maxFileBytes) {
		this.cleaner = cleaner;
		this.maxFileBytes = maxFileBytes;
	}

	public Article load(SourceFile source) throws UnusableArticleException {
		ArticleFormat format = source.format().orElse(ArticleFormat.TEXT);
		if (source.record() > 0) {
			return fromRecord(source, format);
		}
		byte[] bytes = readBytes(source);
		String sha256 = sha256(bytes);
		return switch (format) {
			case TEXT -> fromText(source, bytes, sha256);
			case HTML -> {
				ExtractedArticle page = html.extract(bytes);
				ArticleCleaner.CleanText clean = cleaner.clean(page);
				if (!clean.title().isEmpty() && clean.paragraphs().isEmpty() && page.noArticleReason() != null) {
					throw new UnusableArticleException(sha256, "no article found in the page: " + page.noArticleReason());
				}
				yield checked(source, sha256, clean, page.encoding(), page.details(), "the page");
			}
			case JSON, JSON_LINES -> fromJson(source, sha256, utf8(bytes, sha256), "the file");
		};
	}

	/** A record of a JSON dump: the walker hands over its text; a rerun from the ledger reads it again. */
	private Article fromRecord(SourceFile source, ArticleFormat format) throws UnusableArticleException {
		String where = (format == ArticleFormat.JSON_LINES ? "line " : "record ") + source.record();
		String read = source.recordText() != null ? source.recordText() : JsonRecords.read(source);
		// a byte-order mark opens the file, so only the first line can carry one
		String text = read.startsWith("\uFEFF") ? read.substring(1) : read;
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > maxFileBytes) {
			throw new UnusableArticleException(null, where + " is " + bytes.length + " bytes, over the limit of "
					+ maxFileBytes + " (passerelle.max-file-bytes)");
		}
		return fromJson(source, sha256(bytes), text, where);
	}

	private Article fromJson(SourceFile source, String sha256, String text, String where) throws UnusableArticleException {
		ExtractedArticle record;
		try {
			record = json.read(text, where);
		}
		catch (UnusableArticleException ex) {
			throw new UnusableArticleException(sha256, ex.getMessage());
		}
		return checked(source, sha256, cleaner.clean(record), "UTF-8", record.details(), where);
	}

	private Article fromText(SourceFile source, byte[] bytes, String sha256) throws UnusableArticleException {
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
		if (text.indexOf('\0') >= 0) {
			throw new UnusableArticleException(sha256, "the file looks binary (it contains NUL bytes)");
		}
		ArticleCleaner.CleanText clean = cleaner.clean(text);
		// older exports are often Windows-1252; accept that reading only if it yields French
		if (!encoding.equals("UTF-8") && !LanguageGuess.shared().of(clean.text()).equals(Optional.of("french"))) {
			throw new UnusableArticleException(sha256, "the file is not valid UTF-8 text");
		}
		return checked(source, sha256, clean, encoding, SourceDetails.NONE, "the file");
	}

	/** What every format must give: a title, paragraphs, and French. */
	private static Article checked(SourceFile source, String sha256, ArticleCleaner.CleanText clean, String encoding,
			SourceDetails details, String where) throws UnusableArticleException {
		if (clean.title().isEmpty() && clean.paragraphs().isEmpty()) {
			throw new UnusableArticleException(sha256, where + " holds no text");
		}
		if (clean.title().isEmpty()) {
			throw new UnusableArticleException(sha256, where + " has text but no title");
		}
		if (clean.paragraphs().isEmpty()) {
			throw new UnusableArticleException(sha256, where.equals("the page")
					? "no article found in the page, only a title (a home or list page?)"
					: where + " has a title but no paragraph after cleaning");
		}
		// judged once, cleaned: the Windows-1252 question above and the French one ask the same detector
		Optional<String> language = LanguageGuess.shared().of(clean.text());
		if (language.isPresent() && !language.get().equals("french")) {
			throw new UnusableArticleException(sha256, "the article is in " + language.get() + ", not French");
		}
		return new Article(source, sha256, clean.title(), clean.paragraphs(), encoding, details);
	}

	private static String utf8(byte[] bytes, String sha256) throws UnusableArticleException {
		try {
			String text = decodeStrictly(bytes, StandardCharsets.UTF_8);
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new UnusableArticleException(sha256, "the file is not valid UTF-8 (JSON must be)");
		}
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
		catch (NoSuchFileException ex) {
			if (Files.isSymbolicLink(source.path())) {
				throw new UnusableArticleException(null, "the file cannot be read: its link points to " + ex.getMessage()
						+ ", which does not exist");
			}
			throw new ArticleGoneException("the file is gone");
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
