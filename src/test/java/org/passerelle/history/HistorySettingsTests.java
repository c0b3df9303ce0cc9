package org.passerelle.history;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.testing.PostgresServer;
import org.passerelle.testing.RealPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that cannot work are told in one sentence naming the setting, never with the password in it. */
@ExtendWith(RealPostgres.class)
class HistorySettingsTests {

	@Test
	void unsetMeansTheWorkDirectorysFileAsBefore() {
		HistoryDatabase database = HistoryDatabase.of("", "someone", "secret", Path.of("/var/passerelle"));

		assertThat(database.vendor()).isEqualTo(HistoryDatabase.Vendor.HSQLDB);
		assertThat(database.url()).startsWith("jdbc:hsqldb:file:/var/passerelle/db/passerelle;");
		assertThat(database.user()).as("the server login does not apply to the file").isEqualTo("SA");
	}

	@Test
	void anUnknownSchemeNamesTheSettingAndShowsNoMoreOfTheUrlThanItsScheme() {
		assertThatThrownBy(() -> HistoryDatabase.of("jdbc:mysql://db:3306/p?password=hunter22", null, null, Path.of(".")))
			.isInstanceOf(HistorySetupException.class)
			.hasMessageStartingWith("PASSERELLE_DATABASE_URL must be a PostgreSQL JDBC URL")
			.hasMessageContaining("'jdbc:mysql:'")
			.hasMessageNotContaining("hunter22");
	}

	@Test
	void aWrongPasswordIsRefusedNamingTheUserAndNotThePassword(PostgresServer server) {
		HistoryDatabase database = HistoryDatabase.of(server.url("postgres"), PostgresServer.USER, "wrong-pass-123", Path.of("."));

		assertThatThrownBy(() -> HistoryDataSources.open(database)).isInstanceOf(HistorySetupException.class)
			.hasMessageStartingWith("PASSERELLE_DATABASE_USER / PASSERELLE_DATABASE_PASSWORD")
			.hasMessageContaining("'" + PostgresServer.USER + "'")
			.hasMessageNotContaining("wrong-pass-123");
	}

	@Test
	void aServerThatDoesNotAnswerNamesTheUrl() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		HistoryDatabase database = HistoryDatabase.of("jdbc:postgresql://127.0.0.1:" + closed + "/passerelle", "u", "pw-secret",
				Path.of("."));

		assertThatThrownBy(() -> HistoryDataSources.open(database)).isInstanceOf(HistorySetupException.class)
			.hasMessageStartingWith("PASSERELLE_DATABASE_URL: no database server answers at jdbc:postgresql://127.0.0.1:" + closed)
			.hasMessageNotContaining("pw-secret");
	}

	@Test
	void aDatabaseThatDoesNotExistSaysSo(PostgresServer server) {
		HistoryDatabase database = HistoryDatabase.of(server.url("no_such_db"), PostgresServer.USER, PostgresServer.PASSWORD,
				Path.of("."));

		assertThatThrownBy(() -> HistoryDataSources.open(database)).isInstanceOf(HistorySetupException.class)
			.hasMessageStartingWith("PASSERELLE_DATABASE_URL: the server has no such database");
	}

	@Test
	void thePasswordIsNeverInTheDescription() {
		HistoryDatabase database = HistoryDatabase.of("jdbc:postgresql://alice:pw-in-url@db:5432/p?password=pw-in-query", "u",
				"pw-setting", Path.of("."));

		assertThat(database.toString()).doesNotContain("pw-in-url", "pw-in-query", "pw-setting").contains("db:5432/p");
	}

}
