package org.passerelle.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting Passerelle reads, bound from {@code application.yml} and the environment.
 * Values are checked here, so a wrong setting stops the program with one readable sentence.
 *
 * @param glossary the glossary file (PASSERELLE_GLOSSARY); unset, {@code glossary.tsv} or
 * {@code glossary.csv} is looked for beside the input folder, then in the work directory
 * @param database where the history lives (PASSERELLE_DATABASE_URL); unset, the HSQLDB file in the work directory
 * @param distributed how a run is shared between worker processes
 */
@ConfigurationProperties("passerelle")
public record PasserelleProperties(Path workDir, Path inputDir, Path outputDir, Integer chunkSize,
		int summaryMaxSentences, long maxFileBytes, @DefaultValue("true") boolean report, Path glossary, Llm llm,
		@DefaultValue Spending spending, @DefaultValue Database database, @DefaultValue Distributed distributed) {

	public PasserelleProperties(Path workDir, Path inputDir, Path outputDir, Integer chunkSize, int summaryMaxSentences,
			long maxFileBytes, boolean report, Path glossary, Llm llm, Spending spending, Database database) {
		this(workDir, inputDir, outputDir, chunkSize, summaryMaxSentences, maxFileBytes, report, glossary, llm, spending,
				database, new Distributed(1, Duration.ofSeconds(2), Duration.ofSeconds(60)));
	}

	/**
	 * A run shared by workers: into how many partitions {@code run} splits it by default
	 * (PASSERELLE_PARTITIONS; 1 translates in the process itself), how often the manager looks at its
	 * partitions (PASSERELLE_PARTITION_POLL_INTERVAL), and how long a worker may go without a heartbeat
	 * before its partition is given to another (PASSERELLE_WORKER_HEARTBEAT_TIMEOUT).
	 */
	public record Distributed(@DefaultValue("1") int partitions, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("60s") Duration heartbeatTimeout) {

		public Distributed {
			require(partitions >= 1 && partitions <= 10000, "PASSERELLE_PARTITIONS must be between 1 and 10000, was "
					+ partitions);
			require(pollInterval.compareTo(Duration.ofMillis(100)) >= 0,
					"PASSERELLE_PARTITION_POLL_INTERVAL must be at least 100ms, was " + pollInterval);
			require(heartbeatTimeout.compareTo(Duration.ofSeconds(3)) >= 0,
					"PASSERELLE_WORKER_HEARTBEAT_TIMEOUT must be at least 3s, was " + heartbeatTimeout);
		}

	}

	public PasserelleProperties(Path workDir, Path inputDir, Path outputDir, Integer chunkSize, int summaryMaxSentences,
			long maxFileBytes, boolean report, Path glossary, Llm llm, Spending spending) {
		this(workDir, inputDir, outputDir, chunkSize, summaryMaxSentences, maxFileBytes, report, glossary, llm, spending,
				new Database(null, null, null));
	}

	/**
	 * The database server that holds the history, and its login, from PASSERELLE_DATABASE_URL, _USER and
	 * _PASSWORD. The password never appears in {@link #toString()}.
	 */
	public record Database(String url, String user, String password) {

		@Override
		public String toString() {
			return "Database[url=" + (isBlank(url) ? "unset (the work directory's HSQLDB file)" : "set") + ", user=" + user
					+ ", password=" + (isBlank(password) ? "unset" : "***") + "]";
		}

	}

	@ConstructorBinding
	public PasserelleProperties {
		require(workDir != null, "passerelle.work-dir (PASSERELLE_WORK_DIR) must be set");
		require(inputDir != null, "passerelle.input-dir (PASSERELLE_INPUT_DIR) must be set");
		require(outputDir != null, "passerelle.output-dir (PASSERELLE_OUTPUT_DIR) must be set");
		require(chunkSize == null || (chunkSize >= 1 && chunkSize <= 1000),
				"PASSERELLE_CHUNK_SIZE must be between 1 and 1000, was " + chunkSize);
		require(summaryMaxSentences >= 1 && summaryMaxSentences <= 20,
				"passerelle.summary-max-sentences must be between 1 and 20, was " + summaryMaxSentences);
		require(maxFileBytes >= 1, "passerelle.max-file-bytes must be positive, was " + maxFileBytes);
		require(llm != null, "passerelle.llm settings are missing");
		require(spending.maxCostPerRun() == null || llm.prices().known(),
				"PASSERELLE_MAX_COST_PER_RUN needs the provider's prices: set PASSERELLE_LLM_INPUT_PRICE_PER_MILLION and "
						+ "PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION (or cap tokens with PASSERELLE_MAX_TOKENS_PER_RUN)");
	}

	/**
	 * The most one run may spend: in money, at the configured prices, and/or in tokens. Unset, no cap.
	 * A restart is a run of its own, with a fresh allowance.
	 */
	public record Spending(Double maxCostPerRun, Long maxTokensPerRun) {

		public Spending {
			require(maxCostPerRun == null || maxCostPerRun > 0,
					"PASSERELLE_MAX_COST_PER_RUN must be positive (or unset for no cap), was " + maxCostPerRun);
			require(maxTokensPerRun == null || maxTokensPerRun > 0,
					"PASSERELLE_MAX_TOKENS_PER_RUN must be positive (or unset for no cap), was " + maxTokensPerRun);
		}

	}

	/**
	 * Articles per transaction. Unset, it is four times the concurrency: a chunk waits for its slowest
	 * article, so a chunk of several rounds of calls keeps every slot busy most of the time.
	 */
	public int effectiveChunkSize() {
		return chunkSize != null ? chunkSize : 4 * llm.concurrency();
	}

	/** Which LLM to call and how. The API key never appears in {@link #toString()}. */
	public record Llm(String provider, String baseUrl, String model, String apiKey, String openaiApiKey,
			String anthropicApiKey, Duration timeout, double temperature, int contextTokens, int maxOutputTokens,
			int concurrency, Integer requestsPerMinute, Integer tokensPerMinute, @DefaultValue Prices prices, Retry retry,
			@DefaultValue Batch batch) {

		@ConstructorBinding
		public Llm {
			require(provider != null && !provider.isBlank(),
					"PASSERELLE_LLM_PROVIDER must be one of " + LlmProvider.names());
			LlmProvider.parse(provider);
			require(timeout != null && !timeout.isNegative() && !timeout.isZero(),
					"passerelle.llm.timeout must be a positive duration such as 5m or 90s");
			require(temperature >= 0 && temperature <= 2,
					"passerelle.llm.temperature must be between 0 and 2, was " + temperature);
			require(contextTokens >= 512, "passerelle.llm.context-tokens must be at least 512, was " + contextTokens);
			require(maxOutputTokens >= 256,
					"passerelle.llm.max-output-tokens must be at least 256, was " + maxOutputTokens);
			require(concurrency >= 1 && concurrency <= 64,
					"PASSERELLE_LLM_CONCURRENCY must be between 1 and 64, was " + concurrency);
			require(requestsPerMinute == null || requestsPerMinute >= 1,
					"PASSERELLE_LLM_REQUESTS_PER_MINUTE must be at least 1 (or unset for no limit), was " + requestsPerMinute);
			require(tokensPerMinute == null || tokensPerMinute >= 1000,
					"PASSERELLE_LLM_TOKENS_PER_MINUTE must be at least 1000 (or unset for no limit), was " + tokensPerMinute);
			require(prices != null, "passerelle.llm.prices settings are missing");
			require(retry != null, "passerelle.llm.retry settings are missing");
		}

		public Llm(String provider, String baseUrl, String model, String apiKey, String openaiApiKey,
				String anthropicApiKey, Duration timeout, double temperature, int contextTokens, int maxOutputTokens,
				int concurrency, Integer requestsPerMinute, Integer tokensPerMinute, Prices prices, Retry retry) {
			this(provider, baseUrl, model, apiKey, openaiApiKey, anthropicApiKey, timeout, temperature, contextTokens,
					maxOutputTokens, concurrency, requestsPerMinute, tokensPerMinute, prices, retry,
					new Batch(false, Duration.ofMinutes(1), Duration.ofHours(24), 0.5));
		}

		public LlmProvider providerKind() {
			return LlmProvider.parse(provider);
		}

		/** The base URL configured, or the provider's usual one. */
		public String effectiveBaseUrl() {
			return isBlank(baseUrl) ? providerKind().defaultBaseUrl() : baseUrl.strip();
		}

		public String effectiveModel() {
			return isBlank(model) ? providerKind().defaultModel() : model.strip();
		}

		/** PASSERELLE_LLM_API_KEY first, then the provider's own variable (OPENAI_API_KEY, ANTHROPIC_API_KEY). */
		public String effectiveApiKey() {
			if (!isBlank(apiKey)) {
				return apiKey.strip();
			}
			return switch (providerKind()) {
				case OPENAI -> isBlank(openaiApiKey) ? null : openaiApiKey.strip();
				case ANTHROPIC -> isBlank(anthropicApiKey) ? null : anthropicApiKey.strip();
				case OLLAMA -> null;
			};
		}

		@Override
		public String toString() {
			return "Llm[provider=" + provider + ", baseUrl=" + effectiveBaseUrl() + ", model=" + effectiveModel()
					+ ", apiKey=" + (effectiveApiKey() == null ? "unset" : "***") + ", timeout=" + timeout + "]";
		}

	}

	/**
	 * What the provider charges per million tokens, in whatever currency the user thinks in; unset
	 * prices mean no cost estimate is shown.
	 */
	public record Prices(Double inputPerMillion, Double outputPerMillion) {

		public Prices {
			require(inputPerMillion == null || inputPerMillion >= 0,
					"PASSERELLE_LLM_INPUT_PRICE_PER_MILLION must not be negative, was " + inputPerMillion);
			require(outputPerMillion == null || outputPerMillion >= 0,
					"PASSERELLE_LLM_OUTPUT_PRICE_PER_MILLION must not be negative, was " + outputPerMillion);
		}

		public boolean known() {
			return inputPerMillion != null || outputPerMillion != null;
		}

		/** The cost of these tokens, or empty when no price is configured. */
		public java.util.OptionalDouble cost(long inputTokens, long outputTokens) {
			if (!known()) {
				return java.util.OptionalDouble.empty();
			}
			double input = inputPerMillion == null ? 0 : inputPerMillion;
			double output = outputPerMillion == null ? 0 : outputPerMillion;
			return java.util.OptionalDouble.of((inputTokens * input + outputTokens * output) / 1_000_000.0);
		}

	}

	/**
	 * The provider's batch API: half the price for answers within a day.
	 *
	 * @param enabled every run goes through the batch API unless told otherwise ({@code run --batch} asks for it
	 * on one run)
	 * @param pollInterval how often to ask whether the batch is done, at first; the wait grows from there
	 * @param maxWait how long to wait for the batch before the run fails (restartable: {@code restart} waits on)
	 * @param discount the batch price as a share of the live one
	 */
	public record Batch(@DefaultValue("false") boolean enabled, @DefaultValue("1m") Duration pollInterval,
			@DefaultValue("24h") Duration maxWait, @DefaultValue("0.5") double discount) {

		public Batch {
			require(pollInterval != null && !pollInterval.isNegative() && !pollInterval.isZero(),
					"PASSERELLE_LLM_BATCH_POLL_INTERVAL must be a positive duration such as 1m");
			require(maxWait != null && maxWait.compareTo(pollInterval) >= 0,
					"PASSERELLE_LLM_BATCH_MAX_WAIT must be a duration at least as long as the poll interval");
			require(discount > 0 && discount <= 1, "PASSERELLE_LLM_BATCH_DISCOUNT must be above 0 and at most 1, was "
					+ discount);
		}

	}

	/**
	 * How failed calls are retried: exponential back-off with jitter from {@code backoff} up to
	 * {@code maxBackoff}, or longer when the provider asks for it with Retry-After.
	 *
	 * @param maxRetries retries of one article after its first attempt
	 * @param failuresBeforeStop articles in a row that the provider failed, after their retries, before the
	 * run stops as FAILED (the provider is down) instead of marking the rest of the folder failed
	 */
	public record Retry(int maxRetries, Duration backoff, Duration maxBackoff, int failuresBeforeStop) {

		public Retry {
			require(maxRetries >= 0 && maxRetries <= 20,
					"PASSERELLE_LLM_MAX_RETRIES must be between 0 and 20, was " + maxRetries);
			require(backoff != null && !backoff.isNegative(), "passerelle.llm.retry.backoff must be a duration such as 2s");
			require(maxBackoff != null && maxBackoff.compareTo(backoff) >= 0,
					"passerelle.llm.retry.max-backoff must be a duration at least as long as the back-off");
			require(failuresBeforeStop >= 1, "PASSERELLE_LLM_FAILURES_BEFORE_STOP must be at least 1, was "
					+ failuresBeforeStop);
		}

	}

	/** The providers Passerelle knows how to build, with their usual address and a sensible model. */
	public enum LlmProvider {

		OLLAMA("http://localhost:11434", "qwen2.5:7b-instruct"),
		OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
		ANTHROPIC("https://api.anthropic.com/v1", "claude-3-5-haiku-latest");

		private final String defaultBaseUrl;

		private final String defaultModel;

		LlmProvider(String defaultBaseUrl, String defaultModel) {
			this.defaultBaseUrl = defaultBaseUrl;
			this.defaultModel = defaultModel;
		}

		public String defaultBaseUrl() {
			return defaultBaseUrl;
		}

		public String defaultModel() {
			return defaultModel;
		}

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static String names() {
			return "ollama, openai, anthropic";
		}

		public static LlmProvider parse(String value) {
			for (LlmProvider candidate : values()) {
				if (candidate.id().equalsIgnoreCase(value.strip())) {
					return candidate;
				}
			}
			throw new InvalidConfigurationException(
					"PASSERELLE_LLM_PROVIDER is '" + value + "'; expected one of " + names());
		}

	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidConfigurationException(message);
		}
	}

}
