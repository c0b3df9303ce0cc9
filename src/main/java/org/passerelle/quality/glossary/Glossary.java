package org.passerelle.quality.glossary;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's glossary: French terms and the English forms translations must use. Read from a
 * tab-separated file ({@code French<TAB>English[<TAB>note[<TAB>case]]}, {@code #} comments) or a CSV
 * file with a header; a line that cannot be read, an empty term or a French term given twice stops with
 * the file's name and the line's number. Terms are matched with their case ({@link TermPattern}), so
 * "Aube" (the département) and "aube" (dawn) are two entries; "any" in the case column makes an entry
 * match whatever the case.
 */
public final class Glossary {

	public static final Glossary EMPTY = new Glossary(null, List.of());

	/** The default file name, looked for beside the input folder and in the work directory. */
	public static final List<String> FILE_NAMES = List.of("glossary.tsv", "glossary.csv");

	private final Path file;

	private final List<GlossaryEntry> entries;

	private Glossary(Path file, List<GlossaryEntry> entries) {
		this.file = file;
		this.entries = List.copyOf(entries);
	}

	/**
	 * The glossary to use: the one named (which must exist), else {@code glossary.tsv} or
	 * {@code glossary.csv} beside the input folder, else in the work directory, else none.
	 */
	public static Optional<Path> locate(Path named, Path inputDir, Path workDir) {
		if (named != null) {
			if (!Files.isRegularFile(named)) {
				throw new InvalidGlossaryException("PASSERELLE_GLOSSARY names " + named + ", which is not a file");
			}
			return Optional.of(named);
		}
		List<Path> folders = new ArrayList<>();
		Path beside = inputDir.toAbsolutePath().normalize().getParent();
		if (beside != null) {
			folders.add(beside);
		}
		folders.add(workDir);
		for (Path folder : folders) {
			for (String name : FILE_NAMES) {
				if (Files.isRegularFile(folder.resolve(name))) {
					return Optional.of(folder.resolve(name));
				}
			}
		}
		return Optional.empty();
	}

	public static Glossary read(Path file) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidGlossaryException(file + " is not UTF-8 text; save it as UTF-8", ex);
		}
		catch (IOException ex) {
			throw new InvalidGlossaryException(file + " cannot be read: " + ex.getMessage(), ex);
		}
		boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
		return parse(file, text, csv);
	}

	static Glossary parse(Path file, String text, boolean csv) {
		String name = file == null ? "the glossary" : file.toString();
		List<String> lines = List.of(text.replace("\uFEFF", "").split("\\R", -1));
		List<GlossaryEntry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Integer> seenLower = new HashMap<>();
		Map<String, Integer> seenAnyCase = new HashMap<>();
		GlossaryColumns columns = null;
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			String line = lines.get(i);
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			List<String> cells;
			try {
				cells = csv ? GlossaryColumns.csvCells(line) : List.of(line.split("\t", -1));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidGlossaryException(name + ", line " + number + ": " + ex.getMessage());
			}
			if (csv && columns == null) {
				columns = GlossaryColumns.fromHeader(cells, name, number);
				continue;
			}
			GlossaryEntry entry = entry(csv ? columns.pick(cells) : cells, name, number, csv);
			// "Aube" and "aube" are two terms; "Aube" given twice, or beside an entry of any case, is one term twice
			String lower = entry.french().toLowerCase(Locale.ROOT);
			Integer earlier = seen.putIfAbsent(entry.french(), number);
			if (earlier == null) {
				earlier = entry.anyCase() ? seenLower.get(lower) : seenAnyCase.get(lower);
			}
			seenLower.putIfAbsent(lower, number);
			if (entry.anyCase()) {
				seenAnyCase.putIfAbsent(lower, number);
			}
			if (earlier != null) {
				throw new InvalidGlossaryException(name + ", line " + number + ": '" + entry.french()
						+ "' is already in the glossary, on line " + earlier + "; keep one of them");
			}
			entries.add(entry);
		}
		return new Glossary(file, entries);
	}

	private static GlossaryEntry entry(List<String> cells, String name, int number, boolean csv) {
		String where = name + ", line " + number + ": ";
		if (cells.size() < 2) {
			throw new InvalidGlossaryException(where + (csv ? "expected a French term and an English term, separated by a comma"
					: "expected a French term, a tab, then the English term (is the tab a run of spaces?)"));
		}
		if (cells.size() > 4) {
			throw new InvalidGlossaryException(where + "expected at most 4 columns (French, English, note, case), found "
					+ cells.size());
		}
		if (cells.get(0).isBlank()) {
			throw new InvalidGlossaryException(where + "the French term is empty");
		}
		if (cells.get(1).isBlank()) {
			throw new InvalidGlossaryException(where + "the English term for '" + cells.get(0).strip() + "' is empty");
		}
		String matching = cells.size() > 3 ? cells.get(3).strip().toLowerCase(Locale.ROOT) : "";
		if (!matching.isEmpty() && !matching.equals(GlossaryEntry.ANY_CASE) && !matching.equals("any case")) {
			throw new InvalidGlossaryException(where + "the case column says '" + cells.get(3).strip()
					+ "'; leave it empty (the term's capitals must be in the text) or write 'any' (whatever the case)");
		}
		return GlossaryEntry.of(cells.get(0), cells.get(1), cells.size() > 2 ? cells.get(2) : null, number,
				!matching.isEmpty());
	}

	/** Where it was read from; empty for no glossary. */
	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	public List<GlossaryEntry> entries() {
		return entries;
	}

	/** The entries whose French term occurs in this text: all an article's requests need to carry. */
	public GlossaryTerms termsIn(String frenchText) {
		if (entries.isEmpty()) {
			return GlossaryTerms.NONE;
		}
		return new GlossaryTerms(entries.stream().filter(entry -> entry.occursIn(frenchText)).toList());
	}

}
