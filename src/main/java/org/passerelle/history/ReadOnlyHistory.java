package org.passerelle.history;

/**
 * Present in an application that only reads the history ({@code status}, {@code failures},
 * {@code review}): its database is migrated only when it lacks a version, not checked by Flyway on
 * every start ({@link HistorySchema#migrateUnlessCurrent}).
 */
public final class ReadOnlyHistory {

}
