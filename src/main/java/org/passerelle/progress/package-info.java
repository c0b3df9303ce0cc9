/**
 * A run while it runs: the live counts the job updates, the line a terminal or a cron log shows, and
 * the small file in the work directory through which {@code status} sees a run held by another
 * process. No Spring.
 */
package org.passerelle.progress;
