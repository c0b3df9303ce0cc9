/** The article ledger: one row per article and content, saying whether it was translated and with what. */
package org.passerelle.ledger;
