package org.passerelle.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The memory keys of one article's title, paragraphs and body. A key hashes what made the translation,
 * the fingerprint of the glossary entries that text uses, and its normalised French ({@link SameText}). A
 * paragraph shorter than {@link #IN_CONTEXT_CHARS} ("Lire aussi", "Vidéo", a one-word answer) means what
 * its neighbours make it mean, so its key holds them too: it is reused only in the same surroundings. The
 * body key (what the summary is kept under) is the list of paragraph keys: a summary is reused only for
 * the same paragraphs, whatever the title.
 *
 * @param title the title's key
 * @param paragraphs each paragraph's key, in order
 * @param body the key of the paragraphs as a whole
 */
public record ArticleKeys(String title, List<String> paragraphs, String body) {

	/** Paragraphs shorter than this, normalised, match only with their neighbours ("in-context" matches). */
	public static final int IN_CONTEXT_CHARS = 40;

	public ArticleKeys {
		paragraphs = List.copyOf(paragraphs);
	}

	/**
	 * @param glossaryOf the fingerprint of the glossary entries a French text uses (null for none)
	 */
	public static ArticleKeys of(MadeBy madeBy, String title, List<String> paragraphs,
			Function<String, String> glossaryOf) {
		List<String> normalised = paragraphs.stream().map(SameText::normalised).toList();
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < paragraphs.size(); i++) {
			String text = normalised.get(i);
			StringBuilder key = new StringBuilder("P\n").append(madeBy).append('\n')
				.append(nullToEmpty(glossaryOf.apply(paragraphs.get(i)))).append('\n').append(text);
			if (text.length() < IN_CONTEXT_CHARS) {
				key.append("\nbefore:").append(i == 0 ? "" : normalised.get(i - 1));
				key.append("\nafter:").append(i == paragraphs.size() - 1 ? "" : normalised.get(i + 1));
			}
			keys.add(sha256(key.toString()));
		}
		String titleKey = sha256("T\n" + madeBy + "\n" + nullToEmpty(glossaryOf.apply(title)) + "\n"
				+ SameText.normalised(title));
		return new ArticleKeys(titleKey, keys, sha256("B\n" + madeBy + "\n" + String.join(" ", keys)));
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

}
