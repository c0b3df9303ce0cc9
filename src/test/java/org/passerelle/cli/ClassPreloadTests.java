package org.passerelle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of classes the reading commands load ahead names classes of this build: a name that is gone is
 * passed over at run time, but then the head start it was for is lost without a word (regenerate the
 * list as {@link ClassPreload} says, after a dependency upgrade).
 */
class ClassPreloadTests {

	@Test
	void everyClassTheHistoryListNamesIsInThisBuild() throws IOException {
		List<String> names;
		try (InputStream in = ClassPreload.class.getClassLoader().getResourceAsStream("startup/history-classes.txt")) {
			assertThat(in).isNotNull();
			names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList();
		}
		assertThat(names).hasSizeGreaterThan(100).allSatisfy(name -> assertThat(
				ClassPreload.class.getClassLoader().getResource(name.replace('.', '/') + ".class")).as(name).isNotNull());
	}

}
