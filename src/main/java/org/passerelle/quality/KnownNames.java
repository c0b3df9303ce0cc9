package org.passerelle.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * French names whose usual English form differs (Poutine, Putin; Afrique du Sud, South Africa), from
 * {@code quality/french-names.tsv}, compared without accents or case.
 */
final class KnownNames {

	private static final Map<String, List<String>> FORMS = read();

	private KnownNames() {
	}

	/**
	 * True when the English, folded and with single spaces between its words, has the usual English form
	 * of this name or of a known name containing it ("Sud" of "Afrique du Sud").
	 */
	static boolean rendered(String name, String englishFolded) {
		String word = " " + words(name) + " ";
		for (Map.Entry<String, List<String>> known : FORMS.entrySet()) {
			if (known.getKey().contains(word)) {
				for (String form : known.getValue()) {
					if (englishFolded.contains(form)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static String words(String text) {
		return String.join(" ", Names.NOT_WORD.split(Names.fold(text))).strip();
	}

	private static Map<String, List<String>> read() {
		Map<String, List<String>> forms = new HashMap<>();
		try (InputStream stream = KnownNames.class.getResourceAsStream("/quality/french-names.tsv")) {
			if (stream == null) {
				throw new IllegalStateException("quality/french-names.tsv is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split("\t");
				if (!line.isBlank() && !line.startsWith("#") && columns.length >= 2) {
					// kept folded, between spaces, as they are looked for
					forms.put(" " + words(columns[0]) + " ", java.util.Arrays.stream(columns[1].strip().split("\\|"))
						.map(form -> " " + words(form) + " ").toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(forms);
	}

}
