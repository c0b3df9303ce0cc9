package org.passerelle.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;

/**
 * Renders a template straight into a file, through a temporary file renamed at the end, so a reader
 * who opens the report meanwhile sees the old page or the new one, never half of one.
 */
final class PageFiles {

	/** Templates compiled with the build (jte-maven-plugin): nothing is compiled at run time. */
	private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

	private PageFiles() {
	}

	static void render(String template, Object model, Path target) throws IOException {
		write(target, writer -> TEMPLATES.render(template, model, new WriterOutput(writer)));
	}

	/** What writes a file's content. */
	@FunctionalInterface
	interface Content {

		void writeTo(Writer writer) throws IOException;

	}

	static void write(Path target, Content content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
		try {
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				content.writeTo(writer);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
