/**
 * The newsroom's glossary: its file, the terms of it an article uses, whether a translation used their
 * required English forms, and the fingerprint that makes an edited entry re-translate the articles that
 * contain it. Plain Java.
 */
package org.passerelle.quality.glossary;
