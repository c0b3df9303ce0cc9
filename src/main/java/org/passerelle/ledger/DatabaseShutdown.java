package org.passerelle.ledger;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes the HSQLDB file database cleanly when the program ends: the files are left consistent and the
 * lock is released for the next night's run. Runs before the connection pool closes, as it depends on it.
 */
@Component
class DatabaseShutdown implements DisposableBean {

	private final DataSource dataSource;

	DatabaseShutdown(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void destroy() {
		new JdbcTemplate(dataSource).execute("SHUTDOWN");
	}

}
