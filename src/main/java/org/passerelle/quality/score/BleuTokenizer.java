package org.passerelle.quality.score;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokenisations BLEU is computed on, as sacreBLEU names them: {@code 13a} (mteval-v13a's, the
 * default, used by WMT), {@code intl} (mteval-v14's international one) and {@code none}.
 */
public enum BleuTokenizer {

	TOKENIZE_13A("13a") {
		@Override
		String tokenize(String line) {
			String text = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
			if (text.contains("&")) {
				text = text.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
			}
			text = " " + text + " ";
			text = SYMBOLS.matcher(text).replaceAll(" $1 ");
			text = PERIOD_COMMA_AFTER.matcher(text).replaceAll("$1 $2 ");
			text = PERIOD_COMMA_BEFORE.matcher(text).replaceAll(" $1 $2");
			text = DASH_AFTER_DIGIT.matcher(text).replaceAll("$1 $2 ");
			return String.join(" ", Whitespace.split(text));
		}
	},

	INTL("intl") {
		@Override
		String tokenize(String line) {
			String text = PUNCTUATION_AFTER.matcher(line).replaceAll("$1 $2 ");
			text = PUNCTUATION_BEFORE.matcher(text).replaceAll(" $1 $2");
			text = SYMBOL.matcher(text).replaceAll(" $1 ");
			return String.join(" ", Whitespace.split(text));
		}
	},

	NONE("none") {
		@Override
		String tokenize(String line) {
			return line;
		}
	};

	// mteval-v13a: ASCII punctuation and symbols apart, except . and , between digits and - after one
	private static final Pattern SYMBOLS = Pattern.compile("([\\x7B-\\x7E\\x5B-\\x60\\x20-\\x26\\x28-\\x2B\\x3A-\\x40/])");

	private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([.,])");

	private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([.,])([^0-9])");

	private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

	// mteval-v14: every Unicode punctuation mark apart unless between digits, and every symbol
	private static final Pattern PUNCTUATION_AFTER = Pattern.compile("(\\P{N})(\\p{P})");

	private static final Pattern PUNCTUATION_BEFORE = Pattern.compile("(\\p{P})(\\P{N})");

	private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

	private final String id;

	BleuTokenizer(String id) {
		this.id = id;
	}

	abstract String tokenize(String line);

	public String id() {
		return id;
	}

	public static BleuTokenizer of(String id) {
		for (BleuTokenizer tokenizer : values()) {
			if (tokenizer.id.equals(id.toLowerCase(Locale.ROOT))) {
				return tokenizer;
			}
		}
		throw new IllegalArgumentException("unknown tokenizer '" + id + "': expected 13a, intl or none");
	}

}
