package org.passerelle.cli;

import org.passerelle.config.PasserelleProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The settings alone, bound and checked from the same sources as the full application's: what a run
 * needs to ask the provider before anything heavy starts.
 */
@EnableConfigurationProperties(PasserelleProperties.class)
final class SettingsApplication {

}
