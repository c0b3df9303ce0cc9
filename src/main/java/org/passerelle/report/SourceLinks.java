package org.passerelle.report;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns what a source file said about an article into what a page may show and link to. */
final class SourceLinks {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private SourceLinks() {
	}

	/** The address, if it is a plain web link: a {@code javascript:} or {@code data:} URL from a page is shown, never followed. */
	static String safeUrl(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null ? uri.toASCIIString() : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** "lemonde.fr" for a link to Le Monde: what the reader recognises. */
	static String site(String url, String sourceName) {
		String safe = safeUrl(url);
		if (safe != null) {
			String host = URI.create(safe).getHost();
			return host.startsWith("www.") ? host.substring(4) : host;
		}
		return sourceName;
	}

	/** A publication date as people write it, or the source's own text when it is not ISO 8601. */
	static String published(String published) {
		if (published == null || published.isBlank()) {
			return null;
		}
		String text = published.strip();
		try {
			return DAY_AND_TIME.format(OffsetDateTime.parse(text));
		}
		catch (RuntimeException notATime) {
			try {
				return DAY.format(LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text));
			}
			catch (RuntimeException notADay) {
				return text;
			}
		}
	}

	/** A link from a page of the report to a file of the output folder. */
	static String toOutput(String prefix, String relative) {
		if (relative == null) {
			return null;
		}
		StringBuilder href = new StringBuilder(prefix).append("../");
		for (String part : relative.split("/")) {
			if (href.charAt(href.length() - 1) != '/') {
				href.append('/');
			}
			href.append(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return href.toString();
	}

}
