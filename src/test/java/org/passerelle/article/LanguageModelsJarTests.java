package org.passerelle.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar carries the language models the French check reads, and only those: Lingua takes a
 * missing model for an empty one and would then judge wrongly without a word.
 */
class LanguageModelsJarTests {

	@Test
	void theJarHoldsTheTrigramModelOfEveryLanguageTheCheckTellsApartAndNoOther() throws IOException {
		Path jar = Path.of(System.getProperty("passerelle.jar", "target/passerelle.jar"));
		assertThat(jar).isRegularFile();
		Set<String> models = new TreeSet<>();
		Set<String> nestedJars = new TreeSet<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : List.copyOf(file.stream().toList())) {
				if (entry.getName().contains("language-models/") && entry.getName().endsWith(".json")) {
					models.add("/" + entry.getName().substring(entry.getName().indexOf("language-models/")));
				}
				if (entry.getName().startsWith("BOOT-INF/lib/lingua")) {
					nestedJars.add(entry.getName());
				}
			}
		}

		assertThat(models).containsExactlyInAnyOrderElementsOf(
				LanguageGuess.LANGUAGES.stream().map(LanguageGuess::modelResource).toList());
		assertThat(nestedJars).as("Lingua's own jar, with every model, is left out").isEmpty();
		assertThat(Files.size(jar)).as("the jar without the other languages' models").isLessThan(70_000_000L);
	}

}
