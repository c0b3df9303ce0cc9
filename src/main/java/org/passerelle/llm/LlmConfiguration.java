package org.passerelle.llm;

import org.passerelle.config.PasserelleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The translation service for the configured provider. Built lazily: commands that never call the
 * model ({@code status}) must work without an API key.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

	@Bean
	Translation.Engine translationEngine(PasserelleProperties properties) {
		PasserelleProperties.Llm llm = properties.llm();
		return new Translation.Engine(llm.providerKind().id(), llm.effectiveModel(), PromptVersion.current());
	}

	@Bean
	TokenBudget tokenBudget(PasserelleProperties properties) {
		return TokenBudget.of(properties.llm().contextTokens(), properties.llm().maxOutputTokens(),
				properties.summaryMaxSentences());
	}

	/** The answers of the run's provider batch, if it has one, found by the request they answer. */
	@Bean
	BatchAnswers batchAnswers() {
		return new BatchAnswers();
	}

	@Bean
	@Lazy
	ProviderBatches providerBatches(PasserelleProperties properties) {
		return BatchProviders.of(properties.llm());
	}

	@Bean
	SpendingCap spendingCap(PasserelleProperties properties) {
		return new SpendingCap(properties.spending(), properties.llm().prices())
			.batchPriceShare(properties.llm().batch().discount());
	}

	@Bean
	@Lazy
	ProviderLimits providerLimits(PasserelleProperties properties, SpendingCap spendingCap) {
		PasserelleProperties.Llm llm = properties.llm();
		return new ProviderLimits(llm.concurrency(), llm.requestsPerMinute(), llm.tokensPerMinute()).withCap(spendingCap);
	}

	/** Runs the parts of long articles; the shared limits, not this pool, cap the calls in flight. */
	@Bean
	@Lazy
	ThreadPoolTaskExecutor articlePartExecutor(PasserelleProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.llm().concurrency());
		executor.setMaxPoolSize(properties.llm().concurrency());
		executor.setThreadNamePrefix("article-part-");
		executor.setDaemon(true);
		return executor;
	}

	/** The parts of long articles answered so far, in the work directory, so that no part is paid twice. */
	@Bean
	PartAnswers partAnswers(PasserelleProperties properties) {
		return new PartAnswers(properties.workDir().resolve("parts"));
	}

	@Bean
	@Lazy
	TranslationService translationService(PasserelleProperties properties, Translation.Engine engine,
			TokenBudget tokenBudget, ProviderLimits providerLimits, ThreadPoolTaskExecutor articlePartExecutor,
			PartAnswers partAnswers, BatchAnswers batchAnswers) {
		PasserelleProperties.Llm llm = properties.llm();
		// live calls look for their answer in the provider batch first (there is none outside batch mode)
		return new TranslationService(
				ChatModelFactory.create(llm, new ReplayingHttpClient.Builder(RetryHintingHttpClient.builder(), batchAnswers)),
				engine, properties.summaryMaxSentences(), llm.effectiveApiKey(), tokenBudget, providerLimits,
				articlePartExecutor, partAnswers)
			.capturingBatchRequestsWith(ChatModelFactory.create(llm, new RequestCapture.Builder()), batchAnswers);
	}

}
