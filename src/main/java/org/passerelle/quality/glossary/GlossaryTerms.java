package org.passerelle.quality.glossary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The glossary entries one article (or one part of it) uses: what its requests carry and its checks expect. */
public record GlossaryTerms(List<GlossaryEntry> entries) {

	public static final GlossaryTerms NONE = new GlossaryTerms(List.of());

	public GlossaryTerms {
		entries = List.copyOf(entries);
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** The entries of these that occur in this French text, for one part of a long article. */
	public GlossaryTerms within(String frenchText) {
		return new GlossaryTerms(entries.stream().filter(entry -> entry.occursIn(frenchText)).toList());
	}

	/** The entries whose required English form the translation does not use. */
	public List<GlossaryEntry> missingFrom(String englishText) {
		return entries.stream().filter(entry -> !entry.renderedIn(englishText)).toList();
	}

	/**
	 * What these entries say, as a hash: part of what makes an article's translation current. Null when
	 * there are none, so that an article using no entry is never touched by an edit of the glossary.
	 */
	public String fingerprint() {
		if (entries.isEmpty()) {
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			entries.stream().sorted(Comparator.comparing(GlossaryEntry::french)).forEach(entry -> digest.update(
					(entry.french() + "\t" + entry.english() + "\t" + (entry.note() == null ? "" : entry.note())
							+ (entry.anyCase() ? "\t" + GlossaryEntry.ANY_CASE : "") + "\n")
						.getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

}
