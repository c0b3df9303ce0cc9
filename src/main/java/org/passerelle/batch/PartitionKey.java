package org.passerelle.batch;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which partition of a distributed run an article belongs to: a checksum of its id (its path in the
 * input folder) modulo the number of partitions. It depends on nothing but the id, so a restart, or
 * another host, finds the same articles in the same partition.
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
		CRC32 crc = new CRC32();
		crc.update(articleId.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % partitions);
	}

}
