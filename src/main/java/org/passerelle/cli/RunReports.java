package org.passerelle.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.passerelle.article.InputFiles;
import org.passerelle.batch.RunSummary;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.Translation;
import org.passerelle.report.RunFacts;
import org.passerelle.report.RunJournal;
import org.passerelle.report.RunReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each run's report into its own output folder once the run has ended, and removes the run's
 * journal. A report that cannot be written is a warning: the run's work is done and recorded.
 */
final class RunReports {

	private static final Logger log = LoggerFactory.getLogger(RunReports.class);

	private final PasserelleProperties properties;

	private final Translation.Engine engine;

	private final String command;

	private final boolean wanted;

	RunReports(PasserelleProperties properties, Translation.Engine engine, String command, boolean wanted) {
		this.properties = properties;
		this.engine = engine;
		this.command = command;
		this.wanted = wanted;
	}

	/**
	 * Removes the journals that processes killed before their end left behind: this process holds the
	 * work directory, so no other run is writing one, and a run that died has no report (its restart
	 * reports what the restart does).
	 */
	void forgetAbandonedJournals() {
		Path folder = RunJournal.fileFor(properties.workDir(), 0).getParent();
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (var journals = Files.list(folder)) {
			for (Path journal : journals.toList()) {
				Files.deleteIfExists(journal);
			}
		}
		catch (IOException ex) {
			log.debug("could not clear {}: {}", folder, ex.getMessage());
		}
	}

	/**
	 * The report's page, or null when none was written. {@code earlier} are the executions of the same run
	 * before this one, which this one resumed: those whose manager died left their partitions' journals.
	 */
	Path publish(RunSummary run, List<Long> earlier) {
		Path journal = RunJournal.fileFor(properties.workDir(), run.executionId());
		try {
			if (run.outputDir() == null) {
				return null;
			}
			// a distributed run's workers kept theirs in the output folder: gathered even for no report, to be removed
			RunJournal.gatherPartitions(Path.of(run.outputDir()), run.executionId(), journal);
			if (!wanted) {
				return null;
			}
			RunFacts facts = facts(run);
			return new RunReportWriter(Path.of(run.outputDir())).write(facts, journal);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("the report of run {} could not be written: {}", run.executionId(), ex.getMessage());
			return null;
		}
		finally {
			try {
				Files.deleteIfExists(journal);
			}
			catch (IOException ex) {
				// removed with the next run's, or by hand: it is only for this report
			}
			forgetPartitionsOf(earlier, run.outputDir());
		}
	}

	private static void forgetPartitionsOf(List<Long> executions, String outputDir) {
		if (outputDir == null) {
			return;
		}
		for (long execution : executions) {
			try {
				RunJournal.forgetPartitions(Path.of(outputDir), execution);
			}
			catch (IOException ex) {
				log.debug("could not remove the partition journals of execution {}: {}", execution, ex.getMessage());
			}
		}
	}

	RunFacts facts(RunSummary run) {
		PasserelleProperties.Prices prices = properties.llm().prices();
		return new RunFacts(run.executionId(), run.date(), run.start(), run.end(), run.status(), command, run.inputDir(),
				run.outputDir(), properties.llm().provider(), properties.llm().effectiveModel(), engine.promptVersion(),
				run.read(), run.written(), run.unchanged(), run.failed(), run.gone(), run.skipped(),
				InputFiles.describeSkipped(run.skipped()).orElse(null), run.retries(), run.inputTokens(),
				run.outputTokens(),
				run.cost(prices, properties.llm().batch().discount()).stream().boxed().findFirst().orElse(null),
				rerunCommand(properties.workDir(), run.inputDir(), run.outputDir()), run.deferred(), run.capReached(),
				run.paragraphsFromMemory() == 0 ? null
						: String.format(java.util.Locale.ROOT, "%,d paragraphs reused, about %,d in + %,d out tokens spared",
								run.paragraphsFromMemory(), run.savedInputTokens(), run.savedOutputTokens()));
	}

	/**
	 * The command that sends this run's failed articles again, exactly: from the directory this process
	 * ran in, with this work directory, for these folders.
	 */
	static String rerunCommand(Path workDir, String inputDir, String outputDir) {
		Path here = Path.of("").toAbsolutePath();
		List<String> words = new ArrayList<>();
		words.add("cd " + quoted(here.toString()) + " &&");
		if (!workDir.toAbsolutePath().normalize().equals(here.resolve(".passerelle"))) {
			words.add("PASSERELLE_WORK_DIR=" + quoted(workDir.toAbsolutePath().normalize().toString()));
		}
		words.add("java -jar " + quoted(jar()) + " retry-failed");
		if (inputDir != null) {
			words.add("--input " + quoted(inputDir));
		}
		if (outputDir != null) {
			words.add("--output " + quoted(outputDir));
		}
		return String.join(" ", words);
	}

	/** The jar as this process was started with it ({@code java -jar target/passerelle.jar}), else the usual one. */
	static String jar() {
		String classPath = System.getProperty("java.class.path", "");
		return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) ? classPath : "target/passerelle.jar";
	}

	static String quoted(String word) {
		return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
	}

}
