package org.passerelle.memory;

/** What made a translation: nothing made by another provider, model or prompt version is ever reused. */
public record MadeBy(String provider, String model, String promptVersion) {

	@Override
	public String toString() {
		return provider + "/" + model + "/" + promptVersion;
	}

}
