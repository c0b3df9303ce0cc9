package org.passerelle.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which partition of a distributed run an article belongs to: the SHA-256 of its id (its path in the
 * input folder) modulo the number of partitions. It depends on nothing but the id, so a restart, or
 * another host, finds the same articles in the same partition. A cryptographic hash, because ids differ
 * by a digit or two (depeche-041, depeche-042): a CRC of them falls into a few partitions only.
 */
public final class PartitionKey {

	/** The step execution context keys a worker's reader takes its share from. */
	public static final String INDEX = "partition.index";

	public static final String COUNT = "partition.count";

	private PartitionKey() {
	}

	public static int of(String articleId, int partitions) {
		if (partitions <= 1) {
			return 0;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
			return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), partitions);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
