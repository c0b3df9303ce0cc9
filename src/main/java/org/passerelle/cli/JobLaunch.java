package org.passerelle.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.passerelle.article.InputFiles;
import org.passerelle.article.LanguageGuess;
import org.passerelle.batch.RunSummary;
import org.passerelle.batch.TranslationRuns;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.ledger.ArticleLedger;
import org.passerelle.llm.ProviderCheck;
import org.passerelle.llm.ProviderSetupException;
import org.passerelle.llm.Translation;
import org.passerelle.progress.RunProgress;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every command that runs the job shares: check the provider, run, print one summary line, turn
 * the outcome into an exit code, and on SIGTERM or Ctrl-C stop at the end of the current chunk so that
 * the execution is left STOPPED and {@code restart} can finish it.
 */
final class JobLaunch {

	/** How long a SIGTERM waits for the current chunk to commit before the JVM goes anyway. */
	private static final Duration STOP_GRACE = Duration.ofMinutes(5);

	/** The job work a command does, given the runs service: the runs it made, none when there was nothing to do. */
	@FunctionalInterface
	interface Work {

		List<RunSummary> perform(TranslationRuns runs, PasserelleProperties properties) throws Exception;

	}

	private JobLaunch() {
	}

	/** What a command says about the report of its runs: its name, and whether {@code --no-report} was given. */
	record Reporting(String command, ReportOption option) {
	}

	static int execute(PrintWriter out, PrintWriter err, Reporting reporting, Work work) throws Exception {
		return execute(out, err, reporting, properties -> {
		}, work);
	}

	/** The same, with a check of the command's own settings before the provider is asked anything. */
	static int execute(PrintWriter out, PrintWriter err, Reporting reporting,
			java.util.function.Consumer<PasserelleProperties> settingsCheck, Work work) throws Exception {
		CountDownLatch finished = new CountDownLatch(1);
		Thread stopper;
		boolean terminal = LiveProgress.onTerminal();
		if (terminal) {
			System.setProperty(LiveProgress.LINE_START_PROPERTY, "\r\033[K");
		}
		// the settings and the provider first, before the database and the job start: a provider that is not
		// there, refuses the key or lacks the model is said within a second or two
		WorkDirectoryLock lock = new WorkDirectoryLock(false);
		try {
			PasserelleProperties settings = PasserelleContext.settings(lock);
			settingsCheck.accept(settings);
			try {
				ProviderCheck.verify(settings.llm(), warning -> err.println("passerelle: warning: " + warning));
			}
			catch (ProviderSetupException ex) {
				throw new CommandFailure(ExitCodes.USAGE, ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
			lock.release();
			throw ex;
		}
		// load the language models while the context starts, not in the middle of the first chunk
		Thread preload = new Thread(LanguageGuess::shared, "passerelle-preload");
		preload.setDaemon(true);
		preload.start();
		try (ConfigurableApplicationContext context = PasserelleContext.start(lock)) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			TranslationRuns runs = context.getBean(TranslationRuns.class);
			stopper = new Thread(() -> stopGracefully(runs, finished, err), "passerelle-stop");
			Runtime.getRuntime().addShutdownHook(stopper);
			List<RunSummary> outcome;
			RunReports reports = new RunReports(properties, context.getBean(Translation.Engine.class), reporting.command(),
					reporting.option().wanted(properties));
			try (LiveProgress live = new LiveProgress(context.getBean(RunProgress.class), properties, terminal ? out : null,
					Clock.systemDefaultZone()).start()) {
				publishHistory(runs, properties);
				reports.forgetAbandonedJournals();
				outcome = work.perform(runs, properties);
			}
			int exitCode = ExitCodes.OK;
			ArticleLedger ledger = context.getBean(ArticleLedger.class);
			for (RunSummary summary : outcome) {
				out.println(summaryLine(summary, properties.llm().prices(), properties.llm().batch().discount()));
				long flagged = ledger.flaggedCount(summary.executionId());
				if (flagged > 0) {
					out.println(flagged + (flagged == 1 ? " article has" : " articles have")
							+ " quality flags to review: java -jar target/passerelle.jar review");
				}
				Path report = reports.publish(summary, runs.earlierExecutions(summary.executionId()));
				if (report != null) {
					out.println("Report: " + report);
				}
				out.flush();
				exitCode = worse(exitCode, exitCode(summary, err));
			}
			publishHistory(runs, properties);
			return exitCode;
		}
		finally {
			lock.release(); // closing the context let it go already, unless the context never started
			// the context is closed (database shut down): a pending SIGTERM may now let the JVM go
			finished.countDown();
		}
	}

	/** The recent runs, for a 'status' that finds the database held by this process. */
	private static void publishHistory(TranslationRuns runs, PasserelleProperties properties) {
		new PublishedHistory(java.time.Instant.now(), runs.recent(PublishedHistory.RUNS)
			.stream()
			.map(run -> RunRecord.of(run, properties.llm()))
			.toList()).writeTo(properties.workDir());
	}

	/** The run's last line: what it did, what it cost, and what it passed over. */
	static String summaryLine(RunSummary summary, PasserelleProperties.Prices prices, double batchShare) {
		String cost = summary.cost(prices, batchShare)
			.stream()
			.mapToObj(value -> String.format(", cost %.4f", value))
			.findFirst()
			.orElse("");
		String batch = summary.batchInputTokens() + summary.batchOutputTokens() == 0 ? ""
				: String.format(" (%d + %d by batch, at %.0f%% of the price)", summary.batchInputTokens(),
						summary.batchOutputTokens(), batchShare * 100);
		String memory = summary.paragraphsFromMemory() == 0 ? ""
				: String.format("; %d paragraphs from the translation memory, about %d + %d tokens spared",
						summary.paragraphsFromMemory(), summary.savedInputTokens(), summary.savedOutputTokens());
		return String.format("Run %d (%s): %s. %d read, %d translated, %d unchanged, %d failed%s, %d retries; %d + %d tokens%s%s%s; %.1f s.%s",
				summary.executionId(), summary.date(), summary.status(), summary.read(), summary.written(),
				summary.unchanged(), summary.failed(), summary.gone() > 0 ? ", " + summary.gone() + " gone" : "",
				summary.retries(), summary.inputTokens(), summary.outputTokens(), batch, cost, memory,
				summary.duration().toMillis() / 1000.0,
				InputFiles.describeSkipped(summary.skipped()).map(skipped -> " " + skipped + ".").orElse(""));
	}

	/** Of two exit codes, the one that tells of the worse outcome. */
	private static int worse(int left, int right) {
		return left == ExitCodes.OK ? right : right == ExitCodes.OK || right == ExitCodes.SOME_ARTICLES_FAILED ? left : right;
	}

	private static void stopGracefully(TranslationRuns runs, CountDownLatch finished, PrintWriter err) {
		if (finished.getCount() == 0) {
			return;
		}
		err.println("passerelle: stopping at the end of the current chunk; 'restart' will finish the run");
		err.flush();
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		try {
			// asked again until the job ends, in case it had not started yet when the signal came
			while (!finished.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
				runs.stopRunning();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the context is closing: nothing left to stop
		}
	}

	private static int exitCode(RunSummary summary, PrintWriter err) {
		switch (summary.status()) {
			case "COMPLETED" -> {
				if (summary.failed() > 0) {
					err.println("passerelle: " + summary.failed()
							+ " article(s) failed; see why with 'failures', then rerun them with 'retry-failed'.");
					return ExitCodes.SOME_ARTICLES_FAILED;
				}
				return ExitCodes.OK;
			}
			case "STOPPED" -> {
				if (summary.capReached() != null) {
					err.printf("passerelle: stopped at %s: %,d articles translated, %,d left; 'restart' (with a higher "
							+ "cap, or none) or tomorrow's run continues.%n", summary.capReached(), summary.written(),
							summary.deferred());
					return ExitCodes.SPENDING_CAP;
				}
				err.println("passerelle: the run was stopped; 'restart' finishes it.");
				return ExitCodes.JOB_FAILED;
			}
			default -> {
				for (Throwable error : summary.errors()) {
					for (Throwable cause = error; cause != null; cause = cause.getCause()) {
						if (cause instanceof ProviderSetupException setup) {
							err.println("passerelle: " + setup.getMessage());
							return ExitCodes.USAGE;
						}
					}
				}
				summary.errors().forEach(error -> err.println("passerelle: the job failed: " + PasserelleContext.rootCause(error)));
				err.println("passerelle: once the cause is fixed, 'restart' continues from the last committed chunk.");
				return ExitCodes.JOB_FAILED;
			}
		}
	}

}
