package org.passerelle.history;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that only reads the history opens an up-to-date HSQLDB file without Flyway, and still
 * migrates a history that lacks a version: reading never leaves a history older than the program.
 */
class ReadOnlyHistorySchemaTests {

	@TempDir
	Path workDir;

	@Test
	void aNewHistoryOpenedForReadingGetsTheWholeSchema() {
		HistoryDatabase database = HistoryDatabase.embedded(workDir);

		SingleConnectionDataSource reading = HistoryDataSources.openForReading(database);
		try {
			assertThat(HistorySchema.current(reading, database.vendor())).isTrue();
			assertThat(JdbcClient.create(reading).sql("SELECT COUNT(*) FROM passerelle_article").query(Long.class).single())
				.isZero();
			JdbcClient.create(reading).sql("SHUTDOWN").update();
		}
		finally {
			reading.destroy();
		}
	}

	@Test
	void theShippedVersionsAreTheCodedOnesAndEveryScriptsForTheVendor() {
		assertThat(HistorySchema.shipped(HistoryDatabase.Vendor.HSQLDB)).contains("1", "2", "3", "4", "10");
		assertThat(HistorySchema.shipped(HistoryDatabase.Vendor.POSTGRESQL)).contains("1", "2", "3", "4", "10");
	}

	@Test
	void aHistoryMissingAVersionIsNotCurrentAndIsMigratedWhenOpenedForReading() {
		HistoryDatabase database = HistoryDatabase.embedded(workDir);
		try (HikariDataSource first = HistoryDataSources.open(database)) {
			JdbcClient jdbc = JdbcClient.create(first);
			// as an HSQLDB file from before the translation memory (version 10) was
			jdbc.sql("DROP TABLE passerelle_memory_segment").update();
			jdbc.sql("DROP TABLE passerelle_memory_article").update();
			jdbc.sql("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '10'").update();
			assertThat(HistorySchema.current(first, database.vendor())).isFalse();
			jdbc.sql("SHUTDOWN").update();
		}

		SingleConnectionDataSource reading = HistoryDataSources.openForReading(database);
		try {
			assertThat(HistorySchema.current(reading, database.vendor())).isTrue();
			assertThat(JdbcClient.create(reading).sql("SELECT COUNT(*) FROM passerelle_memory_segment").query(Long.class)
				.single()).as("version 10 applied again").isZero();
			JdbcClient.create(reading).sql("SHUTDOWN").update();
		}
		finally {
			reading.destroy();
		}
	}

}
