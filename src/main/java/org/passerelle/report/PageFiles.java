package org.passerelle.report;

import java.io.IOException;
import java.nio.file.Path;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import org.passerelle.output.AtomicFiles;

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

	static void write(Path target, AtomicFiles.Content content) throws IOException {
		// a page is rewritten whole next time: no need to force it to disk
		AtomicFiles.write(target, content, false);
	}

}
