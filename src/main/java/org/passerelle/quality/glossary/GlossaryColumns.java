package org.passerelle.quality.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which columns of a CSV glossary hold the French term, the English term, the note and the case, from its header. */
final class GlossaryColumns {

	private static final Set<String> FRENCH = Set.of("french", "fr", "français", "francais", "source", "term", "terme");

	private static final Set<String> ENGLISH = Set.of("english", "en", "anglais", "target", "translation", "traduction");

	private static final Set<String> NOTE = Set.of("note", "notes", "comment", "comments", "remarque");

	private static final Set<String> CASE = Set.of("case", "casse", "match case");

	private final int french;

	private final int english;

	private final int note;

	private final int matching;

	private GlossaryColumns(int french, int english, int note, int matching) {
		this.french = french;
		this.english = english;
		this.note = note;
		this.matching = matching;
	}

	/** Named columns when the header names them, else the first to the fourth, in that order. */
	static GlossaryColumns fromHeader(List<String> header, String name, int line) {
		int french = -1;
		int english = -1;
		int note = -1;
		int matching = -1;
		for (int i = 0; i < header.size(); i++) {
			String cell = header.get(i).strip().toLowerCase(Locale.ROOT);
			french = FRENCH.contains(cell) && french < 0 ? i : french;
			english = ENGLISH.contains(cell) && english < 0 ? i : english;
			note = NOTE.contains(cell) && note < 0 ? i : note;
			matching = CASE.contains(cell) && matching < 0 ? i : matching;
		}
		if (french < 0 || english < 0) {
			if (header.size() < 2) {
				throw new InvalidGlossaryException(name + ", line " + line
						+ ": a CSV glossary starts with a header, such as: french,english,note");
			}
			return new GlossaryColumns(0, 1, header.size() > 2 ? 2 : -1, header.size() > 3 ? 3 : -1);
		}
		return new GlossaryColumns(french, english, note, matching);
	}

	/** The French term, the English term, the note (empty when there is none) and the case, when given. */
	List<String> pick(List<String> cells) {
		int needed = Math.max(french, english);
		if (cells.size() <= needed) {
			return cells.size() < 2 ? cells : cells.subList(0, Math.min(cells.size(), 2));
		}
		List<String> picked = new ArrayList<>(List.of(cells.get(french), cells.get(english)));
		String given = note >= 0 && note < cells.size() ? cells.get(note) : "";
		String matched = matching >= 0 && matching < cells.size() ? cells.get(matching) : "";
		if (!given.isBlank() || !matched.isBlank()) {
			picked.add(given);
		}
		if (!matched.isBlank()) {
			picked.add(matched);
		}
		return picked;
	}

	/** The cells of one CSV line: commas between them, double quotes around any that hold a comma or a quote. */
	static List<String> csvCells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				quoted = true;
				cell.setLength(0);
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("a quoted cell is not closed (a \" is missing)");
		}
		cells.add(cell.toString());
		return cells;
	}

}
