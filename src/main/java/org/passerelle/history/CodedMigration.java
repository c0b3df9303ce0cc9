package org.passerelle.history;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/** A Flyway migration written in Java, for the steps plain SQL cannot say; its version and name given here. */
abstract class CodedMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	CodedMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

}
