package org.passerelle.llm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers a provider batch returned, found by the request they answer. The results files are
 * read through once and indexed by request id (the SHA-256 of the request's body) with their place in
 * the file, so a batch of 50,000 answers costs the index, not the answers, in memory. An answer is
 * handed out once: if it fails the checks, the retry goes to the provider live.
 *
 * <p>Results files hold one normalised line per request: {@code {"custom_id", "status", "body", "error"}},
 * {@code status} being {@code succeeded}, {@code errored}, {@code expired} or {@code canceled}.
 */
public final class BatchAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Place> index = new ConcurrentHashMap<>();

	/** A succeeded answer's body, or empty when the batch has none for this request (or it failed there). */
	Optional<String> take(String requestBody) {
		Place place = index.remove(idOf(requestBody));
		if (place == null) {
			return Optional.empty();
		}
		return Optional.of(place.read().get("body").toString());
	}

	/** Indexes one results file; later files win over earlier ones for the same request. */
	public void load(Path results) {
		try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(results), 1 << 16)) {
			java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
			long offset = 0;
			long position = 0;
			int next;
			while ((next = in.read()) >= 0) {
				position++;
				if (next != '\n') {
					line.write(next);
					continue;
				}
				index(line, results, offset);
				line.reset();
				offset = position;
			}
			index(line, results, offset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the batch results " + results, ex);
		}
	}

	private void index(java.io.ByteArrayOutputStream line, Path results, long offset) {
		String text = line.toString(StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return;
		}
		JsonNode result = JSON.readTree(text);
		// a request the batch did not answer well is simply absent: it goes live
		if ("succeeded".equals(result.path("status").asString())) {
			index.put(result.path("custom_id").asString(), new Place(results, offset));
		}
	}

	boolean has(String customId) {
		return index.containsKey(customId);
	}

	/** How many answers are still waiting to be used. */
	public int size() {
		return index.size();
	}

	/** Forgets every answer; says how many were never used, since a change of settings during the wait misses them all. */
	public int clear() {
		int unused = index.size();
		index.clear();
		return unused;
	}

	/** The id a request has in a batch: the SHA-256 of its body, hex. */
	public static String idOf(String requestBody) {
		return org.passerelle.article.ArticleLoader.sha256(requestBody.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes a results file in the normalised form this class reads. */
	static void appendResult(java.io.Writer out, String customId, String status, JsonNode body, String error)
			throws IOException {
		var line = JSON.createObjectNode().put("custom_id", customId).put("status", status);
		if (body != null) {
			line.set("body", body);
		}
		if (error != null) {
			line.put("error", error);
		}
		out.write(JSON.writeValueAsString(line));
		out.write('\n');
	}

	private record Place(Path file, long offset) {

		JsonNode read() {
			try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
				in.seek(offset);
				java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
				byte[] block = new byte[8192];
				int read;
				outer:
				while ((read = in.read(block)) > 0) {
					for (int i = 0; i < read; i++) {
						if (block[i] == '\n') {
							line.write(block, 0, i);
							break outer;
						}
					}
					line.write(block, 0, read);
				}
				return JSON.readTree(line.toString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the batch results " + file, ex);
			}
		}

	}

	static boolean exists(Path results) {
		return Files.isRegularFile(results);
	}

}
