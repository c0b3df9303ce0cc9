package org.passerelle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.progress.ProgressFile;
import org.passerelle.progress.RunProgress;
import org.passerelle.testing.Await;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress a person watches on a terminal, and the file status reads, from a run's live counts. */
class LiveProgressTests {

	@TempDir
	Path workDir;

	@Test
	void onATerminalOneLineIsRewrittenInPlaceAndTheFileGoesWhenTheCommandEnds() throws Exception {
		RunProgress progress = new RunProgress();
		StringWriter screen = new StringWriter();
		PrintWriter terminal = new PrintWriter(screen);
		PasserelleProperties properties = new PasserelleProperties(workDir, workDir, workDir, null, 3, 1000, true, null,
				TestArticles.llm("openai", "http://127.0.0.1:1", "k"), new PasserelleProperties.Spending(null, null));

		try (LiveProgress live = new LiveProgress(progress, properties, terminal, Clock.systemUTC()).start()) {
			assertThat(ProgressFile.read(workDir)).get().extracting(snapshot -> snapshot.status()).isEqualTo("STARTING");
			progress.started(42, Instant.now(), "/in", "/out");
			progress.total(3);
			progress.translated();
			progress.failed();
			Await.until("two articles on the progress line", () -> screen.toString().contains("2/3 done"),
					() -> "the screen shows " + screen);
			Await.until("the progress file to say so", () -> ProgressFile.read(workDir)
				.filter(snapshot -> snapshot.done() == 2 && snapshot.executionId() == 42)
				.isPresent());
		}

		assertThat(screen.toString()).startsWith("\r\033[K").contains("1 translated", "1 failed").doesNotContain("\n")
			.endsWith("\r\033[K");
		assertThat(ProgressFile.of(workDir)).doesNotExist();
	}

}
