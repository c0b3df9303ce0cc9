package org.passerelle.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.passerelle.article.Article;
import org.passerelle.article.SourceFile;
import org.passerelle.config.PasserelleProperties;

/** Small French articles and settings for tests. */
public final class TestArticles {

	/** Two quick retries, so tests of failures do not wait. */
	public static final PasserelleProperties.Retry FAST_RETRY = new PasserelleProperties.Retry(2, Duration.ofMillis(10),
			Duration.ofMillis(50), 3);

	public static final PasserelleProperties.Prices NO_PRICES = new PasserelleProperties.Prices(null, null);

	/** Sentences of French local-politics news, to build articles of any length. */
	public static final List<String> NEWS_SENTENCES = List.of(
			"Le gouvernement a présenté mardi un projet de loi destiné à réformer le financement des collectivités locales.",
			"Selon le ministère, près de 35 000 communes seraient concernées par ces nouvelles règles dès l'an prochain.",
			"Les maires, réunis en congrès à Paris, ont accueilli le texte avec une prudence teintée d'inquiétude.",
			"« Nous ne pourrons pas maintenir les services publics sans moyens supplémentaires », a déclaré l'un d'eux.",
			"L'opposition dénonce une mesure improvisée et réclame un débat approfondi à l'Assemblée nationale.",
			"Les économistes interrogés estiment que l'impact budgétaire restera limité à court terme.",
			"Dans les régions rurales, les élus craignent surtout la fermeture de nouvelles écoles et de bureaux de poste.",
			"Le Premier ministre a promis une concertation avec les associations d'élus avant la fin du mois.",
			"La grève a touché 40 % des lignes de la SNCF jeudi, selon la direction de l'entreprise.",
			"À Marseille, la préfecture a recensé 1 200 manifestants en début d'après-midi.");

	private TestArticles() {
	}

	public static Article article(String id, String title, String... paragraphs) {
		return new Article(new SourceFile(Path.of(id), id), "0".repeat(64), title, List.of(paragraphs));
	}

	public static PasserelleProperties.Llm llm(String provider, String baseUrl, String apiKey) {
		return new PasserelleProperties.Llm(provider, baseUrl, FakeLlmServer.MODEL, apiKey, null, null,
				Duration.ofSeconds(20), 0.2, 8192, 8192, 4, null, null, TestArticles.NO_PRICES, TestArticles.FAST_RETRY);
	}

	/** Writes three short French articles, in two folders, under the given input directory. */
	public static void writeThreeArticles(Path input) throws IOException {
		write(input.resolve("politique/budget.txt"), """
				Le Parlement adopte le budget 2027 après trois semaines de débats

				Les députés ont adopté mardi soir le projet de loi de finances pour 2027 par 289 voix contre 250.

				Le texte prévoit 12 milliards d'euros d'économies, principalement sur les dépenses de fonctionnement de l'État.
				""");
		write(input.resolve("politique/elections.md"), """
				# Municipales : la participation en hausse dans les grandes villes

				À midi, la participation atteignait 21,4 % à Lyon, contre 17,9 % lors du précédent scrutin.

				Les bureaux de vote fermeront à 20 heures dans les villes de plus de 50 000 habitants.

				Les premiers résultats sont attendus dans la soirée.
				""");
		write(input.resolve("sport.txt"), """
				Le club de Rennes se qualifie pour les quarts de finale

				Les Rennais se sont imposés 2 à 1 face à Lens, grâce à un but inscrit à la 87e minute.
				""");
	}

	/** The number that marks paragraph {@code index} of a {@link #longArticle}, so its translation can be found. */
	public static int marker(int paragraph) {
		return 4001 + paragraph;
	}

	/** About this many words of French news, in paragraphs of 60 to 280 words, one of them much longer. */
	public static Article longArticle(int words) {
		List<String> paragraphs = new java.util.ArrayList<>();
		int written = 0;
		int sentence = 0;
		while (written < words) {
			int index = paragraphs.size();
			int length = index == 3 ? 700 : 60 + (index * 37) % 220;
			StringBuilder paragraph = new StringBuilder("Repère " + marker(index) + " :");
			int paragraphWords = 0;
			while (paragraphWords < length) {
				String next = NEWS_SENTENCES.get(sentence++ % NEWS_SENTENCES.size());
				paragraph.append(' ').append(next);
				paragraphWords += next.split(" ").length;
			}
			paragraphs.add(paragraph.toString());
			written += paragraphWords;
		}
		return article("long.txt", "Collectivités locales : le gouvernement présente sa réforme du financement",
				paragraphs.toArray(String[]::new));
	}

	public static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

}
