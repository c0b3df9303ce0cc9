/** The commands a user types, and the exit codes cron sees. */
package org.passerelle.cli;
