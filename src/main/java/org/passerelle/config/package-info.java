/** Passerelle's one typed, validated configuration record. */
package org.passerelle.config;
