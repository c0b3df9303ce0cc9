package org.passerelle.cli;

import org.passerelle.batch.RunHistoryBeans;
import org.passerelle.config.PasserelleProperties;
import org.passerelle.distributed.DistributedStatusBeans;
import org.passerelle.history.HistoryConfiguration;
import org.passerelle.history.ReadOnlyHistory;
import org.passerelle.ledger.LedgerConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What {@code status}, {@code failures} and {@code review} start: the settings, the history's database
 * (opened and checked as for a run, migrated only if it lacks a version), the ledger and the job repository. No auto-configuration,
 * no job, no provider client, no language model. Not a {@code @Configuration}, so the full application's
 * scan leaves it alone.
 */
@EnableConfigurationProperties(PasserelleProperties.class)
@Import({ HistoryConfiguration.class, LedgerConfiguration.class, RunHistoryBeans.class, DistributedStatusBeans.class })
final class HistoryReaderApplication {

	@Bean
	static ReadOnlyHistory readOnlyHistory() {
		return new ReadOnlyHistory();
	}

}
