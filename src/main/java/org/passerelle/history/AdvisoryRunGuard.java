package org.passerelle.history;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The guard of a history shared on PostgreSQL: a session advisory lock per input folder, held on a
 * connection of its own for as long as the run goes. The server drops it when that connection ends,
 * however the process ends ({@code kill -9}, a host that loses power), so a dead run never blocks the
 * next night; runs on other folders take other locks and go at the same time.
 */
final class AdvisoryRunGuard implements RunGuard {

	private final DataSource dataSource;

	/** Stands in the map for a folder whose lock is being taken. */
	private static final Connection PENDING = (Connection) java.lang.reflect.Proxy.newProxyInstance(
			AdvisoryRunGuard.class.getClassLoader(), new Class<?>[] { Connection.class }, (proxy, method, args) -> null);

	private final Map<String, Connection> held = new ConcurrentHashMap<>();

	AdvisoryRunGuard(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Hold hold(Path inputDir) {
		String folder = RunGuard.key(inputDir);
		// a session's advisory locks are re-entrant: a second run of this process is kept out here
		if (held.putIfAbsent(folder, PENDING) != null) {
			throw busy(folder);
		}
		Connection connection;
		try {
			connection = tryLock(folder);
		}
		catch (RuntimeException ex) {
			held.remove(folder);
			throw ex;
		}
		if (connection == null) {
			held.remove(folder);
			throw busy(folder);
		}
		try (PreparedStatement holder = connection.prepareStatement("""
				INSERT INTO PASSERELLE_RUN_HOLDER (INPUT_DIR, HOST, PID, SINCE) VALUES (?, ?, ?, ?)
				ON CONFLICT (INPUT_DIR) DO UPDATE SET HOST = EXCLUDED.HOST, PID = EXCLUDED.PID, SINCE = EXCLUDED.SINCE""")) {
			holder.setString(1, folder);
			holder.setString(2, hostName());
			holder.setLong(3, ProcessHandle.current().pid());
			holder.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
			holder.executeUpdate();
		}
		catch (SQLException ex) {
			unlock(folder, connection);
			held.remove(folder);
			throw new DataAccessResourceFailureException("cannot record who holds " + folder, ex);
		}
		held.put(folder, connection);
		return () -> {
			Connection holding = held.remove(folder);
			if (holding != null) {
				unlock(folder, holding);
			}
		};
	}

	@Override
	public boolean ifFree(String inputDir, Runnable action) {
		if (holdsHere(inputDir)) {
			return false;
		}
		Connection connection = tryLock(inputDir);
		if (connection == null) {
			return false;
		}
		try {
			action.run();
			return true;
		}
		finally {
			unlock(inputDir, connection);
		}
	}

	@Override
	public boolean holdsHere(String inputDir) {
		return held.containsKey(inputDir);
	}

	/** A connection holding the folder's lock, or null when another session holds it. */
	private Connection tryLock(String folder) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				lock.setLong(1, lockKey(folder));
				try (ResultSet result = lock.executeQuery()) {
					result.next();
					if (result.getBoolean(1)) {
						return connection;
					}
				}
			}
			connection.close();
			return null;
		}
		catch (SQLException ex) {
			close(connection);
			throw new DataAccessResourceFailureException("cannot take the run lock of " + folder, ex);
		}
	}

	private static void unlock(String folder, Connection connection) {
		try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			unlock.setLong(1, lockKey(folder));
			unlock.execute();
		}
		catch (SQLException ex) {
			// the connection is gone, and the lock with it
		}
		close(connection);
	}

	private static void close(Connection connection) {
		try {
			if (connection != null) {
				connection.close();
			}
		}
		catch (SQLException ex) {
			// nothing more to release
		}
	}

	private FolderInUseException busy(String folder) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement holder = connection
					.prepareStatement("SELECT HOST, PID, SINCE FROM PASSERELLE_RUN_HOLDER WHERE INPUT_DIR = ?")) {
			holder.setString(1, folder);
			try (ResultSet row = holder.executeQuery()) {
				if (row.next()) {
					return new FolderInUseException(folder, row.getString(1), row.getLong(2),
							row.getTimestamp(3).toLocalDateTime());
				}
			}
		}
		catch (SQLException ex) {
			// say it without the holder
		}
		return new FolderInUseException(folder, null, null, null);
	}

	/** The folder's lock number: 64 bits of a hash of its path, in a name space of Passerelle's own. */
	static long lockKey(String folder) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("passerelle run of " + folder).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(hash).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return fromEnvironment == null ? "unknown host" : fromEnvironment;
		}
	}

}
