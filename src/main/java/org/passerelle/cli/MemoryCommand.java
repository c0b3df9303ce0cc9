package org.passerelle.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.passerelle.memory.TranslationMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passerelle memory}: how big the translation memory is, and pruning it by age or by engine. */
@Command(name = "memory", mixinStandardHelpOptions = true,
		description = "Shows how many titles and paragraphs the translation memory holds; with an option, forgets "
				+ "those not used for some days, or those a provider and model made. What is forgotten is paid "
				+ "again the next time it is needed; nothing else changes.")
class MemoryCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--forget-unused-for", paramLabel = "DAYS",
			description = "Forget what no article written in the last DAYS days used.")
	private Integer unusedDays;

	@Option(names = "--forget-engine", paramLabel = "PROVIDER/MODEL",
			description = "Forget what this provider and model made (every prompt version), e.g. ollama/qwen2.5:7b-instruct.")
	private String engine;

	@Override
	public Integer call() {
		if (unusedDays != null && unusedDays < 1) {
			throw new CommandFailure(ExitCodes.USAGE, "--forget-unused-for takes a number of days, 1 or more");
		}
		if (engine != null && engine.indexOf('/') < 1) {
			throw new CommandFailure(ExitCodes.USAGE, "--forget-engine takes PROVIDER/MODEL, e.g. openai/gpt-4o-mini");
		}
		// no application: the memory is two tables of the history
		try (HistoryReader history = HistoryReader.openToChange()) {
			PrintWriter out = spec.commandLine().getOut();
			TranslationMemory memory = history.memory();
			if (unusedDays != null) {
				int forgotten = memory.forgetUnusedSince(Clock.systemUTC().instant().minus(Duration.ofDays(unusedDays)));
				out.printf("Forgot %,d titles and paragraphs not used for %d days.%n", forgotten, unusedDays);
			}
			if (engine != null) {
				int slash = engine.indexOf('/');
				int forgotten = memory.forgetMadeBy(engine.substring(0, slash), engine.substring(slash + 1));
				out.printf("Forgot %,d titles and paragraphs made by %s.%n", forgotten, engine);
			}
			out.printf("The translation memory holds %,d titles and paragraphs.%n", memory.size());
			return ExitCodes.OK;
		}
	}

}
