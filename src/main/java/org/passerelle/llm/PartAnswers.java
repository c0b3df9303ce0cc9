package org.passerelle.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.passerelle.output.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked answers to the parts of long articles, kept on disk in the work directory as they arrive,
 * so that a long article interrupted part-way (a failed part, {@code kill -9}, a reboot) pays on the next
 * attempt only for the parts it lacks. A part is known by the article's content hash, the part's exact
 * request (its position, boundaries and text) and the engine, so a changed article, prompt or model never
 * reuses a stale answer. Once the article's outputs are committed its parts are deleted.
 */
public final class PartAnswers {

	private static final Logger log = LoggerFactory.getLogger(PartAnswers.class);

	private final Path directory;

	private final JsonMapper json = JsonMapper.builder().build();

	/** @param directory where the answers are kept, one folder per article content */
	public PartAnswers(Path directory) {
		this.directory = directory;
	}

	Optional<TranslatedArticle> find(String articleSha256, String request) {
		Path file = file(articleSha256, request);
		try {
			return Optional.of(json.readValue(Files.readString(file), TranslatedArticle.class));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | JacksonException ex) {
			log.warn("ignoring an unreadable saved part answer {}: {}", file, ex.getMessage());
			return Optional.empty();
		}
	}

	void keep(String articleSha256, String request, TranslatedArticle answer) {
		try {
			AtomicFiles.write(file(articleSha256, request), json.writeValueAsString(answer));
		}
		catch (IOException ex) {
			// the answer is still used for this attempt; only its reuse after a crash is lost
			log.warn("cannot keep a part's answer in {}: {}", directory, ex.getMessage());
		}
	}

	/** The article's outputs are committed: its parts are no longer needed. */
	public void forget(String articleSha256) {
		Path folder = directory.resolve(articleSha256);
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the saved parts in " + folder, ex);
		}
	}

	private Path file(String articleSha256, String request) {
		return directory.resolve(articleSha256).resolve(sha256(request) + ".json");
	}

	private static String sha256(String text) {
		return org.passerelle.article.ArticleLoader.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
