package org.passerelle.testing;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the translation memory, for tests that share a database and expect an article to be sent
 * whenever its ledger row is gone (the memory would otherwise give it from an earlier test's answer).
 */
public final class MemoryTables {

	private MemoryTables() {
	}

	public static void empty(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DELETE FROM PASSERELLE_MEMORY_SEGMENT").update();
		jdbc.sql("DELETE FROM PASSERELLE_MEMORY_ARTICLE").update();
	}

}
