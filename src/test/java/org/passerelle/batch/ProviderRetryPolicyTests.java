package org.passerelle.batch;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.llm.TranslationFailedException;
import org.passerelle.testing.TestArticles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waits between retries, computed, not slept: exponential from the configured back-off with up to
 * 50% jitter, capped at the longest wait, and never shorter than what the provider asked for.
 */
class ProviderRetryPolicyTests {

	private final ProviderRetryPolicy policy = new ProviderRetryPolicy(
			new PasserelleProperties.Retry(8, Duration.ofMillis(100), Duration.ofMillis(1_000), 5));

	@Test
	void backOffDoublesFromTheConfiguredWaitWithUpToHalfAgainOfJitter() {
		for (int attempt = 0; attempt <= 2; attempt++) {
			long base = 100L << attempt;
			Set<Long> seen = new HashSet<>();
			for (int draw = 0; draw < 200; draw++) {
				long wait = policy.delay(attempt, null).toMillis();
				assertThat(wait).as("attempt " + attempt).isBetween(base, base + base / 2);
				seen.add(wait);
			}
			assertThat(seen).as("jitter: the waits of attempt " + attempt + " differ").hasSizeGreaterThan(10);
		}
	}

	@Test
	void backOffNeverExceedsTheLongestWait() {
		for (int attempt = 3; attempt <= 8; attempt++) {
			assertThat(policy.delay(attempt, null)).as("attempt " + attempt).isLessThanOrEqualTo(Duration.ofMillis(1_000));
		}
		assertThat(policy.delay(8, null)).as("capped, not jittered below the cap").isEqualTo(Duration.ofMillis(1_000));
	}

	@Test
	void theProvidersRetryAfterWinsWhenLongerEvenOverTheCap() {
		assertThat(policy.delay(0, rateLimited(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
		assertThat(policy.delay(2, rateLimited(Duration.ofMillis(1)))).as("a shorter ask does not shorten the back-off")
			.isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	private static TranslationFailedException rateLimited(Duration retryAfter) {
		return new TranslationFailedException(TestArticles.article("a.txt", "Titre", "Paragraphe."),
				TranslationFailedException.Kind.PROVIDER_UNAVAILABLE, "429", null, Optional.of(retryAfter));
	}

}
