package org.passerelle.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads the quality flags an article's {@code meta.json} holds under {@code quality.flags}, if any:
 * each with its kind, the paragraph it concerns (0 the title, none for the whole article) and what was
 * found. A file without them, or unreadable, has none: the report never fails on them.
 */
final class QualityFlags {

	/** One flag; {@code paragraph} is null when it concerns the whole article or its summary. */
	record Flag(String kind, Integer paragraph, String detail) {

		String shown() {
			return kind + (detail == null || detail.isBlank() ? "" : ": " + detail);
		}

	}

	private QualityFlags() {
	}

	/** The flags of a translated article: those its journal entry carries, else those its {@code meta.json} holds. */
	static List<Flag> of(JournalEntry entry, Path outputDir) {
		if (entry.flags() != null) {
			return entry.flags().stream().map(flag -> new Flag(flag.kind(), flag.paragraph(), flag.detail())).toList();
		}
		return entry.outputs() == null ? List.of() : read(outputDir.resolve(entry.outputs().metadata()));
	}

	static List<Flag> read(Path metadata) {
		if (metadata == null || !Files.isRegularFile(metadata)) {
			return List.of();
		}
		try {
			JsonNode flags = RunJournal.JSON.readTree(metadata.toFile()).path("quality").path("flags");
			if (!flags.isArray()) {
				return List.of();
			}
			List<Flag> found = new ArrayList<>();
			for (JsonNode flag : flags) {
				JsonNode paragraph = flag.path("paragraph");
				found.add(new Flag(flag.path("kind").asString("flag"), paragraph.isNumber() ? paragraph.asInt() : null,
						flag.path("detail").isString() ? flag.path("detail").asString() : null));
			}
			return found;
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

}
