/**
 * What people read after a run: the run's journal of articles, written as chunks commit, and what is
 * made of it at the end, the HTML report (briefing, side by side, failures, run facts), the run's JSON
 * Lines and the index of reports. No Spring, no LangChain4j.
 */
package org.passerelle.report;
