package org.passerelle.llm;

import org.passerelle.config.PasserelleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

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
	@Lazy
	TranslationService translationService(PasserelleProperties properties, Translation.Engine engine) {
		PasserelleProperties.Llm llm = properties.llm();
		return new TranslationService(ChatModelFactory.create(llm), engine, properties.summaryMaxSentences(),
				llm.effectiveApiKey());
	}

}
