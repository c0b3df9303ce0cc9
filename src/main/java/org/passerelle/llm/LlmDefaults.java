package org.passerelle.llm;

/** Numbers shared by every provider's client. */
final class LlmDefaults {

	/** LangChain4j's own retry (500 ms x 1.5^n, Retry-After ignored); kept modest until one retry layer owns it. */
	static final int MAX_RETRIES = 2;

	private LlmDefaults() {
	}

}
