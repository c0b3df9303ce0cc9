package org.passerelle.distributed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.passerelle.batch.WorkerSteps;
import org.passerelle.llm.ProviderLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's limits as every worker of one distributed run keeps to them, in the history's database:
 * the calls in flight ({@link AdvisoryCallSlots}), the pause a 429 asked for (one row per run, aged by the
 * database's clock), and the requests- and tokens-per-minute allowances as Bucket4j buckets stored in
 * PostgreSQL, each update under {@code SELECT ... FOR UPDATE}. Keyed by the run's job instance, so that a
 * restart keeps to the same allowances. The calls are for one partition: once it is {@code withdrawn} from
 * this worker, none goes out.
 */
final class SharedRunLimits implements ProviderLimits.SharedRun, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SharedRunLimits.class);

	private final AdvisoryCallSlots slots;

	private final Connection connection;

	private final long run;

	private final Bucket requests;

	private final Bucket tokens;

	private final long tokensPerMinute;

	private final BooleanSupplier withdrawn;

	SharedRunLimits(DataSource dataSource, long jobInstanceId, WorkerSteps.RunLimits limits, BooleanSupplier withdrawn)
			throws SQLException {
		this.run = jobInstanceId;
		this.withdrawn = withdrawn;
		// runs started before the calls were shared carry no concurrency of their own
		this.slots = limits.concurrency() > 0 ? new AdvisoryCallSlots(dataSource, jobInstanceId, limits.concurrency()) : null;
		try {
			this.connection = dataSource.getConnection();
			this.connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			close(slots);
			throw ex;
		}
		ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("PASSERELLE_RATE_BUCKET")
			.idColumn("BUCKET_ID")
			.stateColumn("STATE")
			.build();
		this.requests = limits.requestsPerMinute() == null ? null
				: perMinute(buckets, "run-" + run + "-requests", limits.requestsPerMinute());
		this.tokens = limits.tokensPerMinute() == null ? null
				: perMinute(buckets, "run-" + run + "-tokens", limits.tokensPerMinute());
		this.tokensPerMinute = limits.tokensPerMinute() == null ? 0 : limits.tokensPerMinute();
	}

	/** The same shape as a process's own allowance: a full minute's worth at start, refilled continuously. */
	private static Bucket perMinute(ProxyManager<String> buckets, String key, long limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
			.build();
		return buckets.builder().build(key, () -> configuration);
	}

	@Override
	public AutoCloseable takeSlot() throws InterruptedException {
		return slots == null ? () -> {
		} : slots.take();
	}

	@Override
	public synchronized Duration pauseLeft() {
		try (PreparedStatement left = connection.prepareStatement(
				"SELECT EXTRACT(EPOCH FROM (PAUSED_UNTIL - clock_timestamp())) FROM PASSERELLE_RUN_PAUSE WHERE JOB_INSTANCE_ID = ?")) {
			left.setLong(1, run);
			try (ResultSet result = left.executeQuery()) {
				return result.next() ? Duration.ofMillis(Math.round(result.getDouble(1) * 1000)) : Duration.ZERO;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the run's pause in the database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void pauseFor(Duration pause) {
		try (PreparedStatement until = connection.prepareStatement("""
				INSERT INTO PASSERELLE_RUN_PAUSE (JOB_INSTANCE_ID, PAUSED_UNTIL)
				VALUES (?, clock_timestamp() + make_interval(secs => ?))
				ON CONFLICT (JOB_INSTANCE_ID)
				DO UPDATE SET PAUSED_UNTIL = GREATEST(PASSERELLE_RUN_PAUSE.PAUSED_UNTIL, EXCLUDED.PAUSED_UNTIL)""")) {
			until.setLong(1, run);
			until.setDouble(2, pause.toMillis() / 1000.0);
			until.executeUpdate();
		}
		catch (SQLException ex) {
			// this worker still waits on its own; the others may get a 429 of their own and wait then
			log.warn("cannot share the provider's pause with the run's other workers: {}", ex.getMessage());
		}
		log.info("the provider asked to slow down: every worker of the run holds back new calls for {} ms",
				pause.toMillis());
	}

	@Override
	public Bucket requests() {
		return requests;
	}

	@Override
	public Bucket tokens() {
		return tokens;
	}

	@Override
	public long tokensPerMinute() {
		return tokensPerMinute;
	}

	@Override
	public boolean withdrawn() {
		return withdrawn.getAsBoolean();
	}

	@Override
	public synchronized void close() throws SQLException {
		try {
			close(slots);
		}
		finally {
			connection.close();
		}
	}

	private static void close(AdvisoryCallSlots slots) throws SQLException {
		if (slots != null) {
			slots.close();
		}
	}

}
