/**
 * Runs past one machine: a manager step that splits a run's articles into partitions and waits for
 * them, workers on any host that take partitions and run the very same translating step, the requests
 * carried through the history's PostgreSQL database, and the workers' heartbeats. With the
 * {@code batch} package, the only package that imports Spring Batch.
 */
package org.passerelle.distributed;
