/**
 * Where the history lives: the database (an HSQLDB file in the work directory, or a PostgreSQL server
 * shared by every host), its schema and the Flyway migrations that create and upgrade it, and the run
 * guard that lets one run at a time work on an input folder.
 */
package org.passerelle.history;
