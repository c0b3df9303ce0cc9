package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.passerelle.article.LanguageGuess;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.distributed.DistributedRuns;
import org.passerelle.distributed.PartitionWorker;
import org.passerelle.llm.ProviderCheck;
import org.passerelle.llm.ProviderSetupException;
import org.passerelle.llm.TranslationService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code passerelle worker}: takes partitions of distributed runs from the shared history until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "Takes partitions of the runs started with 'run --partitions N' (on any host), translates "
				+ "them with this process's provider settings, and waits for more; until stopped.",
				"SIGTERM or Ctrl-C: the current chunk is committed and its partition goes to another worker.",
				"Needs the history on PostgreSQL (PASSERELLE_DATABASE_URL), the input and output folders at the "
						+ "same paths as the manager's, and a work directory of its own." })
class WorkerCommand implements Callable<Integer> {

	/** How long a SIGTERM waits for the current chunk to commit before the JVM goes anyway. */
	private static final Duration STOP_GRACE = Duration.ofMinutes(5);

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		CountDownLatch finished = new CountDownLatch(1);
		try (ConfigurableApplicationContext context = PasserelleContext.start()) {
			PasserelleProperties properties = context.getBean(PasserelleProperties.class);
			if (!DistributedRuns.possible(properties)) {
				throw new CommandFailure(ExitCodes.USAGE, "a worker needs " + DistributedRuns.NEEDS_SERVER);
			}
			try {
				ProviderCheck.verify(properties.llm(), warning -> err.println("passerelle: warning: " + warning));
			}
			catch (ProviderSetupException ex) {
				throw new CommandFailure(ExitCodes.USAGE, ex.getMessage());
			}
			// what the first partition would otherwise build while its calls wait: the language models, the client
			LanguageGuess.shared();
			context.getBean(TranslationService.class);
			PartitionWorker worker = context.getBean(PartitionWorker.class);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (finished.getCount() > 0) {
					err.println("passerelle: worker stopping at the end of the current chunk; its partition goes to "
							+ "another worker");
					err.flush();
					worker.stop();
					try {
						finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}, "passerelle-worker-stop"));
			worker.runUntilStopped();
			return ExitCodes.OK;
		}
		finally {
			finished.countDown();
		}
	}

}
