/**
 * The translation memory: every checked English paragraph, title and summary, kept by its normalised French
 * and by what made it, so that a paragraph already paid for is never paid again. Plain JDBC, no Spring.
 */
package org.passerelle.memory;
