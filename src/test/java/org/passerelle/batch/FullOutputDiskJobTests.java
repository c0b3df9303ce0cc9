package org.passerelle.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.testing.FakeLlmServer;
import org.passerelle.testing.FakeProviderExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The output folder on a real, small file system (a tmpfs of 256 KiB) that fills up part-way through a
 * night of 40 articles: the run stops (a full disk is not an article's fault). Once it has room again,
 * {@code restart} writes every article and pays for none twice: each answer was in the translation memory
 * before its files were attempted, including those of the chunk that was rolled back. Mounting needs
 * root (or CAP_SYS_ADMIN): without it the test is skipped, saying so.
 */
@SpringBootTest
class FullOutputDiskJobTests {

	@RegisterExtension
	static final FakeProviderExtension provider = FakeProviderExtension.openAi();

	static final FakeLlmServer fake = provider.fake();

	static Path mounted;

	// static, so that it is deleted after the file system on it is unmounted
	@TempDir
	static Path disk;

	@Autowired
	TranslationRuns runs;

	@TempDir
	Path newsroom;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		provider.register(registry);
		registry.add("passerelle.report", () -> "false");
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (mounted != null) {
			command("umount", mounted.toString());
		}
	}

	@Test
	void aFullOutputDiskLosesNoAnswerAndTheRunOnceThereIsRoomPaysForNoArticleTwice() throws Exception {
		Path input = Files.createDirectories(newsroom.resolve("input"));
		for (int i = 1; i <= 40; i++) {
			Files.writeString(input.resolve(String.format("depeche-%02d.txt", i)), "Dépêche numéro " + i + "\n\n"
					+ "Le conseil municipal s'est réuni lundi soir pour la " + i + "e fois cette année.\n\n"
					+ "Les élus ont voté le budget de la ville, qui prévoit " + (i * 10) + " millions d'euros d'investissements.\n");
		}
		Path output = Files.createDirectories(disk.resolve("output"));
		assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", output.toString()),
				"cannot mount a small tmpfs for the output folder (needs root or CAP_SYS_ADMIN)");
		mounted = output;

		RunSummary full = runs.run(new RunRequest(input, output, LocalDate.of(2026, 12, 1), false));
		assertThat(full.status()).as("a full disk stops the run").isEqualTo("FAILED");
		long paidFirst = fake.chatCount();
		assertThat(paidFirst).as("the disk filled up before the end").isLessThan(40);

		assertThat(command("mount", "-o", "remount,size=16m", output.toString())).isTrue();
		RunSummary restarted = runs.restart(full.executionId()).orElseThrow();

		System.out.printf("Output disk full: the run stopped with %d of 40 articles committed after %d requests; the "
				+ "restart wrote %d more with %d more requests (40 in all: none paid twice)%n", full.written(), paidFirst,
				restarted.written(), fake.chatCount() - paidFirst);
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		for (int i = 1; i <= 40; i++) {
			String name = String.format("depeche-%02d", i);
			assertThat(output.resolve(name + ".en.md")).as(name).isNotEmptyFile();
			assertThat(output.resolve(name + ".summary.md")).as(name).isNotEmptyFile();
			assertThat(output.resolve(name + ".meta.json")).as(name).isNotEmptyFile();
		}
		assertThat(fake.chatCount()).as("one request per article: none paid twice").isEqualTo(40);
		assertThat(fake.answeredTitles().values()).as("each article answered once").allMatch(count -> count == 1);
		assertThat(fake.answeredTitles()).hasSize(40);
	}

	private static boolean command(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		boolean done = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		if (!done) {
			System.out.println(String.join(" ", command) + ": " + out.strip());
		}
		return done;
	}

}
