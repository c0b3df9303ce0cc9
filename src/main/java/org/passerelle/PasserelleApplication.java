package org.passerelle;

import org.passerelle.cli.PasserelleCli;
import org.passerelle.config.PasserelleProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point. The command line is parsed first, so {@code --help} and usage errors answer at once;
 * each command then starts this Spring Boot application for the work it does, and its exit code is the
 * process's, for cron.
 *
 * <p>The build makes two jars of it: {@code target/passerelle.jar}, whose manifest names the libraries in
 * {@code target/lib/} (the JVM reads plain jars, which is quicker to start), and the single-file
 * {@code target/passerelle-standalone.jar}, Spring Boot's jar of jars.
 */
@SpringBootApplication
@EnableConfigurationProperties(PasserelleProperties.class)
public class PasserelleApplication {

	public static void main(String[] args) {
		if (PasserelleApplication.class.getClassLoader().getResource("picocli/CommandLine.class") == null) {
			// target/passerelle.jar names its libraries in target/lib/; copied alone, it would fail with a stack trace
			System.err.println("Passerelle's libraries are missing: passerelle.jar needs the lib/ folder the build put"
					+ " beside it (target/lib/); to copy one file, use target/passerelle-standalone.jar instead.");
			System.exit(2);
		}
		System.exit(PasserelleCli.execute(args));
	}

}
