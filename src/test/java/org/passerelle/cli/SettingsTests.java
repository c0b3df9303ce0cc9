package org.passerelle.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings the reading commands and a run's provider check read without a Spring application: the
 * same {@code application.yml} defaults, the same variables, the same refusals as the application's.
 * System properties stand in for the environment, which Spring reads after them.
 */
class SettingsTests {

	private static final List<String> SET = List.of("PASSERELLE_WORK_DIR", "PASSERELLE_LLM_CONCURRENCY",
			"PASSERELLE_LLM_TIMEOUT", "PASSERELLE_LLM_PROVIDER");

	@TempDir
	Path workDir;

	@AfterEach
	void clear() {
		SET.forEach(System::clearProperty);
	}

	@Test
	void theYamlDefaultsAndTheVariablesAreBoundAsTheApplicationBindsThem() {
		System.setProperty("PASSERELLE_WORK_DIR", workDir.toString());
		System.setProperty("PASSERELLE_LLM_TIMEOUT", "90s");

		Settings settings = Settings.load();

		assertThat(settings.properties().workDir()).isEqualTo(workDir);
		assertThat(settings.properties().llm().timeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(settings.properties().llm().concurrency()).as("application.yml's default").isEqualTo(4);
		assertThat(settings.properties().llm().provider()).isEqualTo("ollama");
		assertThat(settings.environment().getProperty("passerelle.work-dir")).isEqualTo(workDir.toString());
	}

	@Test
	void aValueOutOfRangeIsRefusedWithTheSentenceOfTheSetting() {
		System.setProperty("PASSERELLE_LLM_CONCURRENCY", "0");

		assertThatThrownBy(() -> PasserelleContext.settings(new WorkDirectoryLock(true)))
			.isInstanceOfSatisfying(CommandFailure.class, failure -> {
				assertThat(failure.exitCode()).isEqualTo(ExitCodes.USAGE);
				assertThat(failure.getMessage()).startsWith("configuration error: PASSERELLE_LLM_CONCURRENCY");
			});
	}

	@Test
	void aValueOfTheWrongTypeNamesTheSettingAndTheValue() {
		System.setProperty("PASSERELLE_LLM_TIMEOUT", "soon");

		assertThatThrownBy(() -> PasserelleContext.settings(new WorkDirectoryLock(true)))
			.isInstanceOfSatisfying(CommandFailure.class, failure -> {
				assertThat(failure.exitCode()).isEqualTo(ExitCodes.USAGE);
				assertThat(failure.getMessage()).contains("passerelle.llm.timeout").contains("'soon'");
			});
	}

}
