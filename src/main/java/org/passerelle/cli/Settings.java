package org.passerelle.cli;

import java.util.Map;

import org.passerelle.config.PasserelleProperties;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings and the logging, read from the same sources and bound by the same Spring Boot code as the
 * full application's ({@code application.yml}, the environment, system properties), without starting
 * an application: what a reading command and a run's first check of the provider need, in a fraction of
 * a Spring application's start-up.
 */
record Settings(ConfigurableEnvironment environment, PasserelleProperties properties) {

	/** Reads the configuration, sets up the logging as the application would, and binds and checks the settings. */
	static Settings load() {
		LoggingSystem logging = LoggingSystem.get(Settings.class.getClassLoader());
		logging.beforeInitialize(); // nothing is logged, at Logback's default DEBUG, before the configuration is known
		ConfigurableEnvironment environment = new StandardEnvironment();
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		logging.initialize(new LoggingInitializationContext(environment), null, null);
		Binder binder = Binder.get(environment);
		binder.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.orElse(Map.of())
			.forEach((logger, level) -> logging.setLogLevel("root".equalsIgnoreCase(logger) ? LoggingSystem.ROOT_LOGGER_NAME : logger, level));
		PasserelleProperties properties = binder.bindOrCreate("passerelle", PasserelleProperties.class);
		return new Settings(environment, properties);
	}

}
