package org.passerelle.distributed;

import javax.sql.DataSource;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * The queue of partition requests, kept in the history's database by Spring Integration's JDBC channel
 * message store: the manager puts one {@link StepExecutionRequest} per partition, any worker takes the
 * oldest. PostgreSQL's {@code FOR UPDATE SKIP LOCKED} gives each request to one worker only; taken in a
 * transaction, a request goes back to the queue if its worker dies before committing that it holds it.
 */
final class PartitionRequests {

	/** The message group all runs' requests share: a worker takes partitions of any run. */
	static final String GROUP = "passerelle-partition-requests";

	private PartitionRequests() {
	}

	static QueueChannel channel(DataSource dataSource) {
		JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
		store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
		// messages are Java-serialised; only a message carrying Spring Batch's request may be read back
		store.addAllowedPatterns(StepExecutionRequest.class.getName(), GenericMessage.class.getName(),
				MessageHeaders.class.getName(), "java.util.*", "java.lang.*");
		store.setCheckDatabaseOnStart(false);
		store.afterPropertiesSet();
		QueueChannel channel = new QueueChannel(new MessageGroupQueue(store, GROUP));
		channel.setBeanName("partitionRequests");
		return channel;
	}

}
