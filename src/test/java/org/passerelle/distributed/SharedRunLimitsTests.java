package org.passerelle.distributed;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.batch.WorkerSteps;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.history.HistoryDataSources;
import org.passerelle.history.HistoryDatabase;
import org.passerelle.llm.SpendingCap;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.RealPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What two workers of one run share in a real PostgreSQL database, each with a pool of its own as on two
 * hosts: the per-minute allowances, a 429's pause and the spending account. The process-level side is in
 * {@code DistributedRunJarTests}.
 */
@ExtendWith(RealPostgres.class)
class SharedRunLimitsTests {

	private static final long RUN = 41;

	private HikariDataSource hostA;

	private HikariDataSource hostB;

	@BeforeEach
	void twoHostsOnOneDatabase(PostgresServer server) {
		HistoryDatabase database = HistoryDatabase.of(server.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD,
				Path.of("unused"));
		hostA = HistoryDataSources.open(database);
		hostB = HistoryDataSources.open(database);
	}

	@AfterEach
	void close() {
		hostA.close();
		hostB.close();
	}

	@Test
	void theRequestsPerMinuteAreTheRunsNotEachWorkers() throws Exception {
		WorkerSteps.RunLimits threePerMinute = limits(3, 5_000);
		try (SharedRunLimits a = new SharedRunLimits(hostA, RUN, threePerMinute, () -> false);
				SharedRunLimits b = new SharedRunLimits(hostB, RUN, threePerMinute, () -> false);
				SharedRunLimits otherRun = new SharedRunLimits(hostB, RUN + 1, threePerMinute, () -> false)) {
			assertThat(a.requests().tryConsume(2)).isTrue();
			assertThat(b.requests().tryConsume(1)).isTrue();

			assertThat(b.requests().tryConsume(1)).as("the run's minute is used up by both together").isFalse();
			assertThat(a.requests().tryConsume(1)).isFalse();
			assertThat(otherRun.requests().tryConsume(3)).as("another run has its own allowance").isTrue();
			assertThat(a.tokens().tryConsume(4_000)).isTrue();
			assertThat(b.tokens().tryConsume(2_000)).isFalse();
			assertThat(b.tokensPerMinute()).isEqualTo(5_000);
		}
	}

	@Test
	void aPauseOneWorkerWasAskedForHoldsTheOtherBackAndTheLongerPauseWins() throws Exception {
		try (SharedRunLimits a = new SharedRunLimits(hostA, RUN, limits(null, null), () -> false);
				SharedRunLimits b = new SharedRunLimits(hostB, RUN, limits(null, null), () -> false);
				SharedRunLimits otherRun = new SharedRunLimits(hostB, RUN + 1, limits(null, null), () -> false)) {
			assertThat(b.pauseLeft()).isLessThanOrEqualTo(Duration.ZERO);
			assertThat(a.requests()).as("no allowance set, no bucket").isNull();

			a.pauseFor(Duration.ofMinutes(10));
			b.pauseFor(Duration.ofSeconds(1));

			assertThat(b.pauseLeft()).isGreaterThan(Duration.ofMinutes(9));
			assertThat(otherRun.pauseLeft()).isLessThanOrEqualTo(Duration.ZERO);
		}
	}

	@Test
	void twoWorkersNeverTakeTheLastRoomUnderTheCapBothAndOnceReachedItIsReachedForAll() throws Exception {
		SpendingCap.Over overAThousand = (input, output, pending) -> input + output + pending > 1_000;
		try (SharedSpending a = new SharedSpending(hostA, RUN); SharedSpending b = new SharedSpending(hostB, RUN)) {
			assertThat(a.reserve(0, 0, 400, overAThousand)).isTrue();
			assertThat(b.reserve(0, 0, 400, overAThousand)).isTrue();
			a.release(150, 150, 400); // billed 300 for its call

			assertThat(b.reserve(0, 0, 400, overAThousand)).as("300 billed + 400 in flight + 400").isFalse();
			assertThat(a.reserve(0, 0, 1, overAThousand)).as("reached for the whole run").isFalse();
		}
		try (SharedSpending restart = new SharedSpending(hostA, RUN + 1)) {
			assertThat(restart.reserve(0, 0, 400, overAThousand)).as("a restart's execution has its own account").isTrue();
		}
	}

	private static WorkerSteps.RunLimits limits(Integer requestsPerMinute, Integer tokensPerMinute) {
		return new WorkerSteps.RunLimits(2, requestsPerMinute, tokensPerMinute,
				new PasserelleProperties.Spending(null, null), new PasserelleProperties.Prices(null, null));
	}

}
