package org.passerelle.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.hsqldb.jdbc.JDBCDataSource;

/** A real HSQLDB file database holding the memory's tables, made from the script the application runs. */
final class MemoryDatabase {

	private MemoryDatabase() {
	}

	static DataSource hsqldbFile(Path folder) throws SQLException, IOException {
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:file:" + folder.resolve("memory") + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached;shutdown=true");
		dataSource.setUser("SA");
		dataSource.setPassword("");
		try (InputStream script = MemoryDatabase.class.getResourceAsStream("/db/migration/common/V10__translation_memory.sql");
				Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
			for (String command : sql.split(";")) {
				if (!command.isBlank()) {
					statement.execute(command);
				}
			}
		}
		return dataSource;
	}

}
