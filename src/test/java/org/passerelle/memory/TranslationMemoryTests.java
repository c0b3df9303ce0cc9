package org.passerelle.memory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationMemoryTests {

	private static final MadeBy ENGINE = new MadeBy("openai", "gpt", "translate-article@1");

	private static final List<String> FRENCH = List.of("Les combats ont repris lundi matin dans le nord de la ville.",
			"Le gouvernement a annoncé un couvre-feu à partir de 20 heures.",
			"L'opposition dénonce une décision prise sans consultation.");

	private static final List<String> ENGLISH = List.of("Fighting resumed on Monday morning in the north of the city.",
			"The government announced a curfew from 8 pm.", "The opposition denounces a decision taken without consultation.");

	@TempDir
	Path dir;

	TranslationMemory memory;

	MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));

	@BeforeEach
	void database() throws Exception {
		memory = new TranslationMemory(MemoryDatabase.hsqldbFile(dir.resolve("db")), clock);
	}

	private static ArticleKeys keys(String title, List<String> paragraphs) {
		return ArticleKeys.of(ENGINE, title, paragraphs, text -> null);
	}

	@Test
	void aRememberedArticleIsRecalledWhole() {
		ArticleKeys keys = keys("Couvre-feu à Alep", FRENCH);
		memory.remember(ENGINE, keys, "Curfew in Aleppo", ENGLISH, "A curfew was declared.");

		Recall recall = memory.recall(keys("Couvre-feu à Alep", FRENCH));

		assertThat(recall.complete()).isTrue();
		assertThat(recall.title()).isEqualTo("Curfew in Aleppo");
		assertThat(recall.paragraphs()).isEqualTo(ENGLISH);
		assertThat(recall.summary()).isEqualTo("A curfew was declared.");
	}

	@Test
	void anUpdatedArticleFindsItsOldParagraphsAndTheSummaryToRevise() {
		memory.remember(ENGINE, keys("Couvre-feu à Alep", FRENCH), "Curfew in Aleppo", ENGLISH, "A curfew was declared.");
		List<String> updated = List.of(FRENCH.get(0), FRENCH.get(1).replace("20 heures", "21 heures"), FRENCH.get(2),
				"Mise à jour : le président a réagi dans la soirée.");

		Recall recall = memory.recall(keys("Couvre-feu à Alep", updated));

		assertThat(recall.paragraphs()).containsExactly(ENGLISH.get(0), null, ENGLISH.get(2), null);
		assertThat(recall.summary()).as("other paragraphs, another summary").isNull();
		assertThat(recall.earlier().summary()).isEqualTo("A curfew was declared.");
		assertThat(recall.earlier().removed()).containsExactly(ENGLISH.get(1));
	}

	@Test
	void aMostlyNewArticleHasNoSummaryToRevise() {
		memory.remember(ENGINE, keys("Couvre-feu", FRENCH), "Curfew", ENGLISH, "A curfew was declared.");
		List<String> mostlyNew = List.of(FRENCH.get(0), "Un tout autre paragraphe sur un tout autre sujet.",
				"Encore un paragraphe nouveau, sur autre chose.");

		assertThat(memory.recall(keys("Couvre-feu", mostlyNew)).earlier()).isNull();
	}

	@Test
	void itHoldsSummariesOnlyOfTheEnginesThatWroteThem() {
		assertThat(memory.holdsSummariesBy(ENGINE)).as("an empty memory").isFalse();
		memory.remember(ENGINE, keys("Couvre-feu", FRENCH), "Curfew", ENGLISH, null);
		assertThat(memory.holdsSummariesBy(ENGINE)).as("paragraphs without a summary").isFalse();

		memory.remember(ENGINE, keys("Couvre-feu", FRENCH), "Curfew", ENGLISH, "A curfew was declared.");

		assertThat(memory.holdsSummariesBy(ENGINE)).isTrue();
		assertThat(memory.holdsSummariesBy(new MadeBy("openai", "another-model", "translate-article@1"))).isFalse();
		assertThat(memory.holdsSummariesBy(new MadeBy("openai", "gpt", "translate-article@2"))).isFalse();
	}

	@Test
	void nothingMadeByAnotherEngineIsRecalled() {
		memory.remember(ENGINE, keys("Couvre-feu", FRENCH), "Curfew", ENGLISH, "A curfew was declared.");
		MadeBy other = new MadeBy("openai", "gpt", "translate-article@2");

		Recall recall = memory.recall(ArticleKeys.of(other, "Couvre-feu", FRENCH, text -> null));

		assertThat(recall.empty()).isTrue();
		assertThat(recall.title()).isNull();
		assertThat(recall.summary()).isNull();
	}

	@Test
	void rememberingAgainRefreshesInsteadOfDuplicating() {
		ArticleKeys keys = keys("Couvre-feu", FRENCH);
		memory.remember(ENGINE, keys, "Curfew", ENGLISH, "A curfew was declared.");
		memory.remember(ENGINE, keys, "Curfew", ENGLISH, "A curfew was declared.");

		assertThat(memory.size()).isEqualTo(4);
	}

	@Test
	void pruningByAgeForgetsWhatWasNotUsedSinceAndKeepsWhatWas() {
		memory.remember(ENGINE, keys("Ancien", FRENCH.subList(0, 1)), "Old", ENGLISH.subList(0, 1), "Old.");
		clock.advance(Duration.ofDays(40));
		memory.remember(ENGINE, keys("Récent", FRENCH.subList(1, 3)), "Recent", ENGLISH.subList(1, 3), "Recent.");

		int forgotten = memory.forgetUnusedSince(clock.instant().minus(Duration.ofDays(30)));

		assertThat(forgotten).isEqualTo(2);
		assertThat(memory.recall(keys("Ancien", FRENCH.subList(0, 1))).empty()).isTrue();
		assertThat(memory.recall(keys("Récent", FRENCH.subList(1, 3))).complete()).isTrue();
	}

	@Test
	void pruningByEngineForgetsOnlyThatEngine() {
		MadeBy other = new MadeBy("ollama", "mistral", "translate-article@1");
		memory.remember(ENGINE, keys("Couvre-feu", FRENCH), "Curfew", ENGLISH, "A curfew was declared.");
		memory.remember(other, ArticleKeys.of(other, "Couvre-feu", FRENCH, text -> null), "Curfew", ENGLISH, "Curfew.");

		assertThat(memory.forgetMadeBy("ollama", "mistral")).isEqualTo(4);
		assertThat(memory.recall(keys("Couvre-feu", FRENCH)).complete()).isTrue();
	}

	/** A clock the test moves forward. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
