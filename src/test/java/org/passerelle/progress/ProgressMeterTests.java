package org.passerelle.progress;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate, the time left and the line, from counts taken at known moments. */
class ProgressMeterTests {

	private static final Instant START = Instant.parse("2026-11-24T02:00:00Z");

	@Test
	void theRateIsTakenOverTheLastMinuteSoAFastStartPromisesNothing() {
		RunProgress progress = new RunProgress();
		progress.started(42, START, "/srv/input", "/srv/output");
		progress.total(1000);
		ProgressMeter meter = new ProgressMeter(7);
		// 600 unchanged articles in the first two minutes, then 10 translated a minute
		for (int i = 0; i < 600; i++) {
			progress.unchanged();
		}
		meter.snapshot(progress.counts(), 0, 0, null, START.plus(Duration.ofMinutes(2)));
		for (int i = 0; i < 10; i++) {
			progress.translated();
		}

		ProgressSnapshot snapshot = meter.snapshot(progress.counts(), 1200, 300, 0.25, START.plus(Duration.ofMinutes(3)));

		assertThat(snapshot.done()).isEqualTo(610);
		assertThat(snapshot.ratePerMinute()).isEqualTo(10.0);
		assertThat(snapshot.secondsLeft()).isEqualTo(390 * 6);
		assertThat(snapshot.line()).isEqualTo(
				"610/1,000 done (10 translated, 600 unchanged), 0 failed, 10.0/min, about 39 min left, 1,200 + 300 tokens, cost 0.2500");
	}

	@Test
	void whileTheArticlesAreBeingCountedThereIsNoTotalAndNoTimeLeft() {
		RunProgress progress = new RunProgress();
		progress.started(1, START, "/in", "/out");
		progress.translated();
		progress.failed();

		ProgressSnapshot snapshot = new ProgressMeter(7).snapshot(progress.counts(), 10, 5, null, START.plusSeconds(30));

		assertThat(snapshot.total()).isNull();
		assertThat(snapshot.secondsLeft()).isNull();
		assertThat(snapshot.ratePerMinute()).isEqualTo(4.0);
		assertThat(snapshot.line()).isEqualTo("2 done (1 translated, 0 unchanged), 1 failed, 4.0/min, 10 + 5 tokens");
	}

	@Test
	void withoutATerminalProgressIsLoggedEveryHundredArticlesOrEveryMinuteAndNoMoreOften() {
		ProgressCadence cadence = new ProgressCadence(100, START);

		assertThat(cadence.due(5, START.plusSeconds(1))).isFalse();
		assertThat(cadence.due(99, START.plusSeconds(20))).isFalse();
		assertThat(cadence.due(100, START.plusSeconds(21))).isTrue();
		assertThat(cadence.due(150, START.plusSeconds(22))).isFalse();
		assertThat(cadence.due(150, START.plusSeconds(80))).isFalse();
		assertThat(cadence.due(150, START.plusSeconds(81))).isTrue();
		assertThat(cadence.due(150, START.plusSeconds(82))).isFalse();
	}

}
