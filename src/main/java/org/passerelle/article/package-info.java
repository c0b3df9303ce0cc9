/**
 * The articles themselves: finding source files, decoding and cleaning what scrapers produce.
 * Plain Java: no Spring, no LangChain4j.
 */
package org.passerelle.article;
