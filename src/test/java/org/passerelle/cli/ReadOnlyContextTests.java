package org.passerelle.cli;

import java.nio.file.Path;

import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.batch.RunHistory;
import org.passerelle.batch.TranslationRuns;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.TranslationService;
import org.springframework.batch.core.job.Job;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code status}, {@code failures}, {@code review} and {@code evaluate} start: the history, and nothing of the job. */
class ReadOnlyContextTests {

	@TempDir
	Path workDir;

	@AfterEach
	void clearSettings() {
		System.clearProperty("passerelle.work-dir");
	}

	@Test
	void readsTheHistoryWithoutBuildingTheJobOrAnyLlmClient() {
		// a system property outranks application.yml, as the environment variable does
		System.setProperty("passerelle.work-dir", workDir.toString());
		try (ConfigurableApplicationContext context = PasserelleContext.startReadOnly()) {
			assertThat(context.getBean(RunHistory.class).recent(10)).isEmpty();
			assertThat(context.getBean(ArticleLedger.class).failures(null)).isEmpty();
			assertThat(context.getBeanNamesForType(Job.class)).isEmpty();
			assertThat(context.getBeanNamesForType(TranslationRuns.class)).isEmpty();
			assertThat(context.getBeanNamesForType(TranslationService.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ChatModel.class)).isEmpty();
		}
		assertThat(workDir.resolve("db")).isDirectory();
	}

}
