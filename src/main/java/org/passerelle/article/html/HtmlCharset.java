package org.passerelle.article.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Decodes a saved page's bytes: byte-order mark first, then the declared charset, then UTF-8, else windows-1252. */
final class HtmlCharset {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** Browsers look for the declaration in the first 1024 bytes; saved pages often carry a longer head. */
	private static final int PRESCAN_BYTES = 8192;

	private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\\s;\"']+)",
			Pattern.CASE_INSENSITIVE);

	private HtmlCharset() {
	}

	/** The page's text and the charset it was read with. */
	record Decoded(String text, Charset charset) {
	}

	static Decoded decode(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
		}
		Charset charset = declared(bytes);
		if (charset == null) {
			charset = isValidUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		}
		else if (charset.equals(StandardCharsets.ISO_8859_1) && hasC1Bytes(bytes)) {
			// bytes 0x80-0x9F are control codes in ISO-8859-1; a page labelled so means windows-1252 (’, œ, €)
			charset = WINDOWS_1252;
		}
		return new Decoded(new String(bytes, charset), charset);
	}

	/** The charset a {@code <meta>} in the page's head declares, or null when none or an unknown one. */
	static Charset declared(byte[] bytes) {
		// ISO-8859-1 maps each byte to one char, so the ASCII markup reads the same whatever the real charset
		String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
		for (Element meta : Jsoup.parse(head).select("meta[charset], meta[http-equiv][content]")) {
			String label = meta.hasAttr("charset") ? meta.attr("charset") : contentTypeCharset(meta);
			if (label != null) {
				Charset charset = forLabel(label);
				if (charset != null) {
					return charset;
				}
			}
		}
		return null;
	}

	private static String contentTypeCharset(Element meta) {
		if (!meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
			return null;
		}
		Matcher matcher = CONTENT_TYPE_CHARSET.matcher(meta.attr("content"));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static Charset forLabel(String label) {
		String name = label.strip().toLowerCase(Locale.ROOT);
		// a page that can be read as ASCII to find its declaration is not UTF-16, whatever it says
		if (name.startsWith("utf-16") || name.startsWith("utf-32")) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	private static boolean isValidUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean hasC1Bytes(byte[] bytes) {
		for (byte b : bytes) {
			int unsigned = b & 0xFF;
			if (unsigned >= 0x80 && unsigned <= 0x9F) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		int[] head = new int[prefix.length];
		Arrays.setAll(head, i -> bytes[i] & 0xFF);
		return Arrays.equals(head, prefix);
	}

}
