/**
 * What a good translation is: the hard checks an answer must pass, the quality flags raised beside
 * them, the glossary, and scores against reference translations. Plain Java, no Spring and no
 * LangChain4j, so every rule can be tested on plain strings.
 */
package org.passerelle.quality;
