package org.passerelle.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two jars the build makes carry the language models the French check reads, and only those: Lingua
 * takes a missing model for an empty one and would then judge wrongly without a word. The plain layout
 * ({@code passerelle.jar} and {@code lib/}) names only libraries that are there.
 */
class LanguageModelsJarTests {

	private static final Path JAR = Path.of(System.getProperty("passerelle.jar", "target/passerelle.jar"));

	private static final Path STANDALONE = JAR.resolveSibling("passerelle-standalone.jar");

	@Test
	void thePlainJarHoldsTheTrigramModelOfEveryLanguageTheCheckTellsApartAndNamesOnlyLibrariesBesideIt() throws IOException {
		assertThat(JAR).isRegularFile();
		assertThat(models(JAR)).containsExactlyInAnyOrderElementsOf(expectedModels());
		List<String> classPath;
		try (JarFile file = new JarFile(JAR.toFile())) {
			classPath = List.of(file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH).split(" "));
		}
		assertThat(classPath).isNotEmpty().allSatisfy(library -> assertThat(JAR.resolveSibling(library)).isRegularFile());
		assertThat(classPath).as("Lingua's own jar, with every model, is left out").noneMatch(library -> library.contains("lingua"));
	}

	@Test
	void theSingleFileJarHoldsTheSameModelsAndNoOther() throws IOException {
		assertThat(models(STANDALONE)).containsExactlyInAnyOrderElementsOf(expectedModels());
		try (JarFile file = new JarFile(STANDALONE.toFile())) {
			assertThat(file.stream().map(JarEntry::getName)).as("Lingua's own jar is left out")
				.noneMatch(name -> name.startsWith("BOOT-INF/lib/lingua"));
		}
		assertThat(Files.size(STANDALONE)).as("the jar without the other languages' models").isLessThan(70_000_000L);
	}

	@Test
	void theSingleFileJarRunsOnItsOwn() throws Exception {
		Alone run = runCopiedAlone(STANDALONE, "--version");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).containsIgnoringCase("passerelle");
	}

	@Test
	void thePlainJarCopiedWithoutItsLibrariesSaysWhatItNeeds() throws Exception {
		Alone run = runCopiedAlone(JAR, "status");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).contains("needs the lib/ folder").contains("passerelle-standalone.jar")
			.doesNotContain("Exception");
	}

	private record Alone(int exitCode, String output) {
	}

	/** The jar copied into a directory of its own, as passerelle.jar, and run there. */
	private static Alone runCopiedAlone(Path jar, String... arguments) throws Exception {
		Path alone = Files.createTempDirectory("passerelle-alone").resolve("passerelle.jar");
		Files.copy(jar, alone);
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", alone.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Alone(process.exitValue(), output);
	}

	private static List<String> expectedModels() {
		return LanguageGuess.LANGUAGES.stream().map(LanguageGuess::modelResource).toList();
	}

	private static Set<String> models(Path jar) throws IOException {
		Set<String> models = new TreeSet<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : List.copyOf(file.stream().toList())) {
				if (entry.getName().contains("language-models/") && entry.getName().endsWith(".json")) {
					models.add("/" + entry.getName().substring(entry.getName().indexOf("language-models/")));
				}
			}
		}
		return models;
	}

}
