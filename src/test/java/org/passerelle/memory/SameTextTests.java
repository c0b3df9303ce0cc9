package org.passerelle.memory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameTextTests {

	@Test
	void spacingNoBreakSpacesQuotesAndApostrophesDoNotMakeANewText() {
		String scraped = "  L\u2019armée a dit\u00A0: «\u202FNous restons\u202F» ;   le 21\u00A0mars…";
		String retyped = "L'armée a dit : \"Nous restons\"; le 21 mars...";

		assertThat(SameText.normalised(scraped)).isEqualTo(SameText.normalised(retyped));
	}

	@Test
	void aChangedNumberNameOrWordIsANewText() {
		String text = "Bachar al-Assad a parlé devant 1 200 personnes à Alep.";

		assertThat(SameText.normalised(text.replace("1 200", "1 300"))).isNotEqualTo(SameText.normalised(text));
		assertThat(SameText.normalised(text.replace("Alep", "Homs"))).isNotEqualTo(SameText.normalised(text));
		assertThat(SameText.normalised(text.replace("parlé", "crié"))).isNotEqualTo(SameText.normalised(text));
	}

	@Test
	void caseAndPunctuationOtherThanQuotesCount() {
		assertThat(SameText.normalised("Le président.")).isNotEqualTo(SameText.normalised("le président."));
		assertThat(SameText.normalised("Il vient.")).isNotEqualTo(SameText.normalised("Il vient ?"));
	}

	@Test
	void composedAndDecomposedAccentsAreTheSame() {
		assertThat(SameText.normalised("e\u0301te\u0301")).isEqualTo(SameText.normalised("\u00e9t\u00e9"));
	}

}
