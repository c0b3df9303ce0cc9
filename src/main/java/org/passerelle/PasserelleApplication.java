package org.passerelle;

import org.passerelle.cli.PasserelleCli;
import org.passerelle.config.PasserelleProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point. The command line is parsed first, so {@code --help} and usage errors answer at once;
 * each command then starts this Spring Boot application for the work it does, and its exit code is the
 * process's, for cron.
 */
@SpringBootApplication
@EnableConfigurationProperties(PasserelleProperties.class)
public class PasserelleApplication {

	public static void main(String[] args) {
		System.exit(PasserelleCli.execute(args));
	}

}
