/**
 * Scores of translations against reference translations, computed as sacreBLEU computes them (chrF and
 * BLEU, same defaults, same tokenisation), so that a team can compare models, prompts and glossaries
 * on its own references and trust the figures. Plain Java.
 */
package org.passerelle.quality.score;
