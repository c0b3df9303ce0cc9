/**
 * Everything that talks to the LLM: provider selection, the translation AI Service and its prompts, the
 * calls and their limits, long articles in parts, and the check made before a run that the provider is there.
 * The only package that imports {@code dev.langchain4j}.
 */
package org.passerelle.llm;
