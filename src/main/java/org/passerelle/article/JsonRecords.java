package org.passerelle.article;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The articles of a JSON Lines file (one per line) or of a JSON file holding an array, one record at a
 * time, so a dump of fifty thousand articles is never held in memory. A JSON file holding one object is
 * one article, the file itself. A broken line is still yielded, so that it is recorded as failed with its
 * line number while the lines after it go on.
 */
final class JsonRecords implements Iterator<SourceFile>, Closeable {

	// records are read one at a time from a parser that is still inside the array: what follows is not "trailing"
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final SourceFile file;

	private final BufferedReader lines;

	private final JsonParser array;

	private int number;

	private SourceFile next;

	private boolean whole;

	private JsonRecords(SourceFile file, BufferedReader lines, JsonParser array, boolean whole) {
		this.file = file;
		this.lines = lines;
		this.array = array;
		this.whole = whole;
	}

	/** The records of this file; a file that cannot be opened, or is not an array, is yielded whole. */
	static JsonRecords of(SourceFile file) {
		try {
			if (file.format().orElseThrow() == ArticleFormat.JSON_LINES) {
				return new JsonRecords(file, Files.newBufferedReader(file.path(), StandardCharsets.UTF_8), null, false);
			}
			if (!startsWithArray(file)) {
				return new JsonRecords(file, null, null, true);
			}
			JsonParser parser = JSON.createParser(Files.newInputStream(file.path()));
			parser.nextToken();
			return new JsonRecords(file, null, parser, false);
		}
		catch (IOException | JacksonException ex) {
			// the loader meets the same problem and records it, in words, against the file
			return new JsonRecords(file, null, null, true);
		}
	}

	/** True when the file's first non-blank character opens an array (a JSON file of several articles). */
	static boolean startsWithArray(SourceFile file) {
		try (InputStream in = Files.newInputStream(file.path())) {
			int c;
			do {
				c = in.read();
			}
			while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
			return c == '[';
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The text of one record, read again from its file (a rerun that starts from the ledger, not from a
	 * walk).
	 */
	static String read(SourceFile record) throws UnusableArticleException {
		try (JsonRecords records = of(new SourceFile(record.root(), record.path(), fileId(record), 0, null,
				java.util.List.of()))) {
			while (records.hasNext()) {
				SourceFile found = records.next();
				if (found.record() == record.record()) {
					if (found.recordText() == null) {
						throw new UnusableArticleException(null, records.brokenReason());
					}
					return found.recordText();
				}
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof NoSuchFileException) {
				throw new ArticleGoneException("the file is gone");
			}
			throw new UnusableArticleException(null, "the file cannot be read: " + ex.getCause().getMessage());
		}
		throw new ArticleGoneException((record.format().orElseThrow() == ArticleFormat.JSON_LINES ? "line " : "record ")
				+ record.record() + " is no longer in the file");
	}

	private static String fileId(SourceFile record) {
		return record.record() == 0 ? record.id() : record.id().substring(0, record.id().lastIndexOf('#'));
	}

	private String broken;

	private String brokenReason() {
		return broken == null ? "the record is not valid JSON" : broken;
	}

	@Override
	public boolean hasNext() {
		if (next != null) {
			return true;
		}
		if (whole) {
			whole = false;
			next = file;
			return true;
		}
		try {
			if (lines != null) {
				String line;
				while ((line = lines.readLine()) != null) {
					number++;
					if (!line.isBlank()) {
						next = file.withRecord(number, line);
						return true;
					}
				}
			}
			else if (array != null && !array.isClosed()) {
				nextArrayElement();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.path(), ex);
		}
		return next != null;
	}

	private void nextArrayElement() {
		try {
			JsonToken token = array.nextToken();
			if (token == null || token == JsonToken.END_ARRAY) {
				array.close();
				return;
			}
			number++;
			JsonNode element = JSON.readTree(array);
			next = file.withRecord(number, element.toString());
		}
		catch (JacksonException ex) {
			// nothing after a syntax error can be trusted: this record is reported broken, the rest is not read
			number++;
			broken = "record " + number + " and the rest of the file are not valid JSON: " + ex.getOriginalMessage();
			next = file.withRecord(number, null);
			array.close();
		}
	}

	@Override
	public SourceFile next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		SourceFile result = next;
		next = null;
		return result;
	}

	@Override
	public void close() {
		try {
			if (lines != null) {
				lines.close();
			}
			if (array != null) {
				array.close();
			}
		}
		catch (IOException ex) {
			// closing a file we only read
		}
	}

}
