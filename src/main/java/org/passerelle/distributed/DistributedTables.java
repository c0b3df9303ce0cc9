package org.passerelle.distributed;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables a distributed run adds to a PostgreSQL history: Spring Integration's own schema for its
 * channel message store (the partition requests), and the workers' heartbeats. Created once, under an
 * advisory lock, so that workers starting together do not race to create them.
 */
final class DistributedTables {

	/** Any constant: the advisory lock key of this one-time setup. */
	private static final long SETUP_LOCK = 0x7061727469L;

	private DistributedTables() {
	}

	static void create(DataSource dataSource, TransactionTemplate transaction) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SETUP_LOCK).query().singleRow();
			if (!exists(jdbc, "int_channel_message")) {
				ResourceDatabasePopulator schema = new ResourceDatabasePopulator(
						new ClassPathResource("org/springframework/integration/jdbc/schema-postgresql.sql"));
				schema.execute(dataSource);
			}
			jdbc.sql("""
					CREATE TABLE IF NOT EXISTS PASSERELLE_WORKER (
					    WORKER_ID          VARCHAR(200) NOT NULL PRIMARY KEY,
					    HOST               VARCHAR(255) NOT NULL,
					    PID                BIGINT       NOT NULL,
					    STARTED_AT         TIMESTAMP    NOT NULL,
					    BEAT_AT            TIMESTAMP    NOT NULL,
					    STEP_EXECUTION_ID  BIGINT
					)""").update();
		});
	}

	private static boolean exists(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
				+ "AND table_name = ?").param(table).query(Long.class).single() > 0;
	}

}
