package org.passerelle.article.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.passerelle.article.ExtractedArticle;
import org.passerelle.article.SourceDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class HtmlArticleExtractorTests {

	private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

	@Nested
	class LeMonde {

		private final ExtractedArticle article = extractor.extract(fixture("lemonde.html"));

		@Test
		void keepsTheHeadlineTheStandfirstAndTheBodyInOrder() {
			assertThat(article.title())
				.isEqualTo("Sécheresse : dans la Drôme, les agriculteurs se résignent à des restrictions d’eau inédites");
			assertThat(article.paragraphs()).hasSize(8);
			assertThat(article.paragraphs().get(0)).isEqualTo("Les arrêtés préfectoraux se multiplient dans la vallée du "
					+ "Rhône, où les nappes phréatiques n’ont jamais été aussi basses à la mi-juillet.");
			assertThat(article.paragraphs().get(7)).isEqualTo("« On nous demande de nous adapter, mais personne ne nous dit "
					+ "comment », résume Sandrine Vial, qui cultive des céréales près de Montélimar. Elle a déjà renoncé à "
					+ "semer du maïs cette année.");
		}

		@Test
		void keepsTheSubheadAsAParagraphInItsPlace() {
			assertThat(article.paragraphs().get(4)).isEqualTo("Des pertes chiffrées en millions d’euros");
		}

		@Test
		void dropsLireAussiLinksPaywallCaptionShareBarCookieBannerAndMenu() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Lire aussi", "nappes phréatiques à un niveau",
					"bassines", "Il vous reste", "Abonnez-vous", "Déjà abonné", "Publicité", "canal d’irrigation à sec",
					"HANS LUCAS", "Partager", "cookies", "International", "Les plus lus", "Reproduction interdite",
					"Chargement du lecteur");
		}

		@Test
		void foldsNoBreakSpacesIntoPlainOnes() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("\u00A0", "  ").contains("« Regardez,");
		}

		@Test
		void readsCanonicalUrlAndJsonLdAuthorDateAndPublisher() {
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.lemonde.fr/planete/article/2024/07/18/secheresse-drome_6250123_3244.html",
					"2024-07-18T06:00:00+02:00", "Claire Fontanel", "Le Monde"));
			assertThat(article.encoding()).isEqualTo("UTF-8");
		}

	}

	@Nested
	class Liberation {

		private final ExtractedArticle article = extractor.extract(fixture("liberation.html"));

		@Test
		void findsTheBodyInNestedDivsWithoutAnArticleElement() {
			assertThat(article.title()).isEqualTo("Logement étudiant : à Lyon, la rentrée des « sans-studio »");
			assertThat(article.paragraphs()).hasSize(6);
			assertThat(article.paragraphs().get(1)).startsWith("Il est 23 heures passées quand Inès");
			assertThat(article.paragraphs().get(5)).isEqualTo("Les syndicats étudiants réclament la réquisition de logements "
					+ "vacants et un gel des loyers dans le parc privé. La métropole, de son côté, annonce l’ouverture de "
					+ "300 places temporaires dans un ancien internat d’ici à la Toussaint.");
		}

		@Test
		void takesTheStandfirstBetweenTheHeadlineAndTheBody() {
			assertThat(article.paragraphs().get(0)).isEqualTo("Faute de place en résidence et face à des loyers qui "
					+ "s’envolent, des centaines d’étudiants commencent l’année sans logement fixe.");
		}

		@Test
		void dropsUpperCaseLireAussiBylineNewsletterAndComments() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("LIRE AUSSI", "Loyers étudiants",
					"Mathilde Roux", "publié le", "newsletter", "Ça fait des années", "logements vides qui restent vides",
					"Copier le lien", "Idées et Débats", "Tous droits réservés");
		}

		@Test
		void resolvesAuthorsGivenByIdInTheJsonLdGraphAndFallsBackToOgUrl() {
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.liberation.fr/societe/logement/logement-etudiant-a-lyon-la-rentree-des-sans-studio-20240904_QK7ZLM3XRBE5TNV2/",
					"2024-09-04T16:45:12.000Z", "Mathilde Roux, Karim Benali", "Libération"));
		}

	}

	@Nested
	class LeFigaro {

		private final ExtractedArticle article = extractor.extract(fixture("lefigaro.html"));

		@Test
		void keepsTheStandfirstAndTheMarkedUpArticleBody() {
			assertThat(article.title()).isEqualTo(
					"Réforme du bac : les enseignants de philosophie dénoncent une épreuve « vidée de son sens »");
			assertThat(article.paragraphs()).hasSize(6);
			assertThat(article.paragraphs().get(0)).isEqualTo("Une tribune signée par plus de 1 500 professeurs circule "
					+ "depuis lundi. Ils contestent la réduction de la durée de l’épreuve écrite, ramenée de quatre à trois heures.");
			assertThat(article.paragraphs().get(5)).isEqualTo(
					"Selon un sondage réalisé auprès de 800 lycéens, 61 % d’entre eux se disent pourtant favorables à une épreuve plus courte.");
		}

		@Test
		void dropsCookieBannerShareBarRelatedAsideCommentsAndPaywall() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("partenaires", "cookies", "Partager",
					"Copier le lien", "À lire aussi", "Bac 2024", "Sur le même sujet", "Grand oral", "Commentaires",
					"Jean-Pierre78", "niveler par le bas", "le vrai problème", "réservé aux abonnés", "Abonnez-vous",
					"Publicité", "Par Pauline Garnier");
		}

		@Test
		void readsAnAuthorListAndATypeGivenAsAnArray() {
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.lefigaro.fr/actualite-france/reforme-du-bac-les-enseignants-de-philosophie-denoncent-une-epreuve-videe-de-son-sens-20241112",
					"2024-11-12T11:27:03+01:00", "Pauline Garnier, Thomas Leclerc", "Le Figaro"));
		}

	}

	@Nested
	class LeDevoir {

		private final ExtractedArticle article = extractor.extract(fixture("ledevoir.html"));

		@Test
		void decodesTheDeclaredIso88591Bytes() {
			assertThat(article.encoding()).isEqualTo("ISO-8859-1");
			assertThat(article.title()).isEqualTo("Le prix du sirop d'érable grimpe après une saison écourtée");
		}

		@Test
		void keepsTheBodyAndItsSubhead() {
			assertThat(article.paragraphs()).hasSize(6);
			assertThat(article.paragraphs().get(0)).isEqualTo("Les acériculteurs québécois ont vécu l'une des saisons les plus "
					+ "courtes de la dernière décennie. Un redoux hâtif en mars, suivi d'un retour du froid tardif, a réduit "
					+ "la coulée à une vingtaine de jours dans plusieurs régions.");
			assertThat(article.paragraphs().get(3)).isEqualTo("La réserve stratégique sollicitée");
			assertThat(article.paragraphs().get(5)).isEqualTo("Les changements climatiques rendent toutefois les saisons de plus "
					+ "en plus imprévisibles, préviennent les chercheurs. Certains producteurs installent déjà des systèmes de "
					+ "tubulure sous vide pour récolter davantage d'eau d'érable en moins de temps.");
		}

		@Test
		void dropsTheInfolettrePromptCaptionCreditAndCookieNotice() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("infolettre", "Abonnez-vous", "érablière de la Beauce",
					"Photo:", "témoins", "Je m'abonne", "Partager", "cabanes à sucre", "Tous droits réservés");
		}

		@Test
		void readsAPlainStringAuthorFromAReportageNewsArticle() {
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.ledevoir.com/economie/812345/agriculture-le-prix-du-sirop-d-erable-grimpe",
					"2024-05-22T05:00:00-04:00", "Geneviève Lapointe", "Le Devoir"));
		}

	}

	@Nested
	class RegionalPaper {

		private final ExtractedArticle article = extractor.extract(fixture("ladepeche.html"));

		@Test
		void keepsTheChapoAndTheBodyWithALineBreakFoldedIntoASpace() {
			assertThat(article.title()).isEqualTo("Toulouse : le chantier de la troisième ligne de métro prend du retard à Labège");
			assertThat(article.paragraphs()).hasSize(5);
			assertThat(article.paragraphs().get(0)).isEqualTo("Les travaux de la future station de Labège-La Cadène ont été "
					+ "suspendus pendant trois semaines après la découverte d’une canalisation non répertoriée. Tisséo assure "
					+ "que la mise en service reste prévue pour 2028.");
			assertThat(article.paragraphs().get(3)).contains("aux heures de pointe. « On met vingt minutes");
			assertThat(article.paragraphs().get(4)).isEqualTo("La troisième ligne doit relier Colomiers à Labège en "
					+ "vingt-et-une stations, sur 27 kilomètres. Son coût est aujourd’hui estimé à 3,2 milliards d’euros.");
		}

		@Test
		void dropsMenusAdsRelatedListSignatureAndSubscriptionBox() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Rubriques", "Avis de décès", "Publicité",
					"À lire aussi", "tunnelier", "futures stations en images", "L. C.", "Abonnez-vous", "commentaires",
					"Les plus lus", "Stade Toulousain", "Partager", "WhatsApp");
		}

		@Test
		void readsPublishedTimeAndAuthorFromMetaTagsWithoutJsonLd() {
			// the article:published_time meta wins over the <time datetime="2024-10-03 17:05"> of the byline
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.ladepeche.fr/2024/10/03/toulouse-le-chantier-de-la-troisieme-ligne-de-metro-prend-du-retard-12233445.php",
					"2024-10-03T17:05:00+02:00", "Laurent Castaing", "ladepeche.fr"));
		}

	}

	@Nested
	class WordPressBlog {

		private final ExtractedArticle article = extractor.extract(fixture("wordpress.html"));

		@Test
		void keepsParagraphsSubheadsAndListItemsInOrder() {
			assertThat(article.title()).isEqualTo("Cinq idées reçues sur le compost en appartement");
			assertThat(article.paragraphs()).hasSize(9);
			assertThat(article.paragraphs().get(0)).startsWith("Depuis le 1er janvier, le tri des biodéchets est obligatoire")
				.endsWith("m’ont appris.");
			assertThat(article.paragraphs().subList(4, 8)).containsExactly(
					"Un lombricomposteur de 30 litres tient sous un évier. Les vers font le travail, à condition de leur donner les bons déchets :",
					"les épluchures de fruits et de légumes, coupées en petits morceaux ;",
					"le marc de café et les sachets de thé sans agrafe ;",
					"les boîtes d’œufs et le carton non imprimé.");
			assertThat(article.paragraphs().get(8)).isEqualTo("En revanche, oubliez la viande, le poisson, les produits laitiers "
					+ "et les agrumes en grande quantité, qui acidifient le bac.");
		}

		@Test
		void dropsCommentsCommentFormSidebarWidgetsShareButtonsAndAuthorBox() {
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Bertrand", "moucherons", "pelures d’oignon",
					"Laisser un commentaire", "adresse e-mail", "Articles récents", "semis de tomates", "lettre mensuelle",
					"Partager", "Facebook", "Ingénieure agronome", "Étiquettes", "Propulsé par WordPress", "Accueil");
		}

		@Test
		void takesTheDateFromTheArticlesTimeElementNotAComments() {
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://lepotagerurbain.fr/2024/04/compost-appartement-idees-recues/", "2024-04-09T08:30:00+02:00",
					"Sophie Marchetti", "Le Potager Urbain"));
		}

	}

	@Nested
	class OtherPageShapes {

		@Test
		void homePageOfLinksHasNoParagraphsAndATitleWithoutTheSiteName() {
			ExtractedArticle home = extractor.extract(fixture("homepage.html"));

			assertThat(home.paragraphs()).isEmpty();
			assertThat(home.title()).isEqualTo("Actualités en Bretagne, en France et dans le monde");
			assertThat(home.details()).isEqualTo(
					new SourceDetails("https://www.journal-du-littoral.fr/", null, null, "Le Journal du Littoral"));
		}

		@Test
		void brokenJsonLdIsIgnoredAndMetaTagsGiveTheDetails() {
			ExtractedArticle article = extractor.extract(fixture("broken-jsonld.html"));

			// the broken block's wrong author, date and publisher must not surface
			assertThat(article.details()).isEqualTo(new SourceDetails(
					"https://www.presse-oceane.fr/nantes/tramway-ligne-1-fermee-ete-2024.html", "2024-06-14T07:10:00+02:00",
					"Élodie Guérin", "Presse Océane"));
		}

		@Test
		void articleWithoutAHeadlineTakesItsTitleFromOgTitle() {
			ExtractedArticle article = extractor.extract(fixture("broken-jsonld.html"));

			assertThat(article.title()).isEqualTo("Nantes : la ligne 1 du tramway fermée tout l’été pour travaux");
			assertThat(article.paragraphs()).hasSize(5);
			assertThat(article.paragraphs().get(0)).startsWith("Les travaux de renouvellement des voies");
			assertThat(article.paragraphs().get(4)).endsWith("s’inquiète le gérant d’une librairie de la rue de la Marne.");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Transports", "Saint-Nazaire", "© Presse Océane");
		}

		@Test
		void scriptsStylesTemplatesAndNoscriptInsideTheBodyLeaveNoText() {
			ExtractedArticle article = extractor.extract(fixture("script-in-body.html"));

			assertThat(article.title()).isEqualTo("Marseille : la mairie lance un plan de végétalisation des cours d’école");
			assertThat(article.paragraphs()).hasSize(4);
			assertThat(article.paragraphs().get(1)).isEqualTo("Le premier lot de travaux concernera une trentaine "
					+ "d’établissements des quartiers nord, où les températures relevées au sol ont dépassé 55 °C l’été "
					+ "dernier. Les chantiers auront lieu pendant les vacances scolaires.");
			assertThat(article.paragraphs().get(3)).endsWith("tout en s’inquiétant du calendrier jugé « très ambitieux ».");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("titreVideo", "document.write", "injecté",
					"trackParagraph", "Activez JavaScript", "video-player", "Modèle de lien");
			assertThat(article.details()).isEqualTo(SourceDetails.NONE);
		}

		@Test
		void standfirstAboveADivBodyIsKeptAndAnEmbeddedTweetIsDropped() {
			ExtractedArticle article = extractor.extract(fixture("francetvinfo.html"));

			assertThat(article.paragraphs()).hasSize(6);
			assertThat(article.paragraphs().get(0)).startsWith("La direction prévoit aussi trois TER sur cinq");
			assertThat(article.paragraphs().get(5)).startsWith("Le ministre des Transports doit recevoir");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Nous conseillons à nos clients", "@SNCFVoyageurs",
					"A lire aussi", "Recevez l’essentiel", "Publié le", "Temps de lecture", "MARIE MAGNIN", "Partagez",
					"Voir les sujets liés", "À voir aussi");
			assertThat(article.details().author()).isEqualTo("franceinfo, AFP");
		}

		@Test
		void noteBelowTheBodyBlockIsMissedButThePaywallAndCommentsStayOut() {
			ExtractedArticle article = extractor.extract(fixture("mediapart.html"));

			// the "Boîte noire" sits in a sibling of the body's block: the block around both is the article
			assertThat(article.paragraphs()).hasSize(7);
			assertThat(article.paragraphs().get(0)).startsWith("Un rapport de la chambre régionale des comptes");
			assertThat(article.paragraphs().get(3)).isEqualTo("Un fournisseur historique");
			assertThat(article.paragraphs().get(5)).endsWith("une refonte complète de sa commande publique.");
			assertThat(article.paragraphs().get(6)).startsWith("Boîte noire : Cet article a été relu");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("réservée aux abonnés",
					"Je m’abonne", "Merci pour cette enquête", "Les plus lus", "Julien Morel");
		}

	}

	@Nested
	class Encodings {

		private static final String ARTICLE = """
				<html><head>%s<title>Titre</title></head><body><article><h1>Le cœur de l’été</h1>
				<p>À Noël, le prix du sapin a dépassé 40 € : « c’est trop », dit une cliente, œil rivé sur l’étiquette.</p>
				<p>Les pépiniéristes du Morvan évoquent une saison sèche, des plants qui ont souffert en août et des coûts de transport en nette hausse depuis le printemps.</p>
				<p>Les ventes de sapins artificiels progressent, elles, pour la troisième année de suite, portées par les grandes enseignes et par les achats en ligne.</p>
				</article></body></html>""";

		@Test
		void undeclaredBytesThatAreNotUtf8AreReadAsWindows1252() {
			ExtractedArticle article = extractor.extract(ARTICLE.formatted("").getBytes(Charset.forName("windows-1252")));

			assertThat(article.encoding()).isEqualTo("windows-1252");
			assertThat(article.title()).isEqualTo("Le cœur de l’été");
			assertThat(article.paragraphs().get(0)).contains("40 € : « c’est trop »", "œil");
		}

		@Test
		void undeclaredValidUtf8IsReadAsUtf8() {
			ExtractedArticle article = extractor.extract(ARTICLE.formatted("").getBytes(StandardCharsets.UTF_8));

			assertThat(article.encoding()).isEqualTo("UTF-8");
			assertThat(article.title()).isEqualTo("Le cœur de l’été");
		}

		@Test
		void httpEquivContentTypeDeclarationIsHonoured() {
			String page = ARTICLE.formatted("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")
				.replace("cœur", "coeur").replace("’", "'").replace("€", "euros").replace("œil", "l'oeil");

			ExtractedArticle article = extractor.extract(page.getBytes(StandardCharsets.ISO_8859_1));

			assertThat(article.encoding()).isEqualTo("ISO-8859-1");
			assertThat(article.title()).isEqualTo("Le coeur de l'été");
			assertThat(article.paragraphs().get(0)).startsWith("À Noël, le prix du sapin a dépassé 40 euros");
		}

		@Test
		void iso88591LabelOnWindows1252BytesReadsTheCurlyQuotesAndLigatures() {
			String page = ARTICLE.formatted("<meta charset=\"iso-8859-1\">");

			ExtractedArticle article = extractor.extract(page.getBytes(Charset.forName("windows-1252")));

			assertThat(article.encoding()).isEqualTo("windows-1252");
			assertThat(article.title()).isEqualTo("Le cœur de l’été");
		}

		@Test
		void utf8ByteOrderMarkWinsOverADeclaredCharset() {
			byte[] page = withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
					ARTICLE.formatted("<meta charset=\"iso-8859-1\">").getBytes(StandardCharsets.UTF_8));

			ExtractedArticle article = extractor.extract(page);

			assertThat(article.encoding()).isEqualTo("UTF-8");
			assertThat(article.title()).isEqualTo("Le cœur de l’été");
		}

		@Test
		void utf16ByteOrderMarkIsHonoured() {
			byte[] page = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARTICLE.formatted("").getBytes(StandardCharsets.UTF_16LE));

			ExtractedArticle article = extractor.extract(page);

			assertThat(article.encoding()).isEqualTo("UTF-16LE");
			assertThat(article.paragraphs()).hasSize(3);
		}

		@Test
		void unknownDeclaredCharsetFallsBackToWhatTheBytesAre() {
			ExtractedArticle article = extractor.extract(
					ARTICLE.formatted("<meta charset=\"x-inconnu\">").getBytes(StandardCharsets.UTF_8));

			assertThat(article.encoding()).isEqualTo("UTF-8");
			assertThat(article.title()).isEqualTo("Le cœur de l’été");
		}

	}

	@Nested
	class TitlesAndJsonLd {

		@Test
		void titleElementLosesAShortSiteSuffixButKeepsALongTail() {
			assertThat(titleOf("Inflation : les prix repartent à la hausse en mars - Le Monde"))
				.isEqualTo("Inflation : les prix repartent à la hausse en mars");
			assertThat(titleOf("Retraites | ce que le texte change pour les carrières longues"))
				.isEqualTo("Retraites | ce que le texte change pour les carrières longues");
		}

		@Test
		void jsonLdWithTrailingCommasAndArraysOfNamesIsRead() {
			String page = """
					<html><head><script type="application/ld+json">
					{"@context": "https://schema.org", "@type": "https://schema.org/BlogPosting",
					 "datePublished": ["2024-03-01T10:00:00Z"], "author": ["Anne Petit", {"name": "Luc Roy"}, "Anne Petit",],
					 "publisher": "Éditions du Quai",}
					</script></head><body></body></html>""";

			SourceDetails details = extractor.extract(page.getBytes(StandardCharsets.UTF_8)).details();

			assertThat(details).isEqualTo(new SourceDetails(null, "2024-03-01T10:00:00Z", "Anne Petit, Luc Roy", "Éditions du Quai"));
		}

		@Test
		void jsonLdThatIsNotAboutAnArticleIsIgnored() {
			String page = """
					<html><head><meta name="author" content="Rédaction">
					<script type="application/ld+json">[1, "x", null, {"@type": "WebSite", "author": "Pas moi"}]</script>
					</head><body></body></html>""";

			assertThat(extractor.extract(page.getBytes(StandardCharsets.UTF_8)).details().author()).isEqualTo("Rédaction");
		}

		private String titleOf(String title) {
			return extractor.extract(("<html><head><title>" + title + "</title></head><body></body></html>")
				.getBytes(StandardCharsets.UTF_8)).title();
		}

	}

	@Nested
	class OddInput {

		@Test
		void emptyBytesGiveAnEmptyArticle() {
			ExtractedArticle article = extractor.extract(new byte[0]);

			assertThat(article.title()).isEmpty();
			assertThat(article.paragraphs()).isEmpty();
			assertThat(article.details().isEmpty()).isTrue();
			assertThat(article.encoding()).isEqualTo("UTF-8");
		}

		@Test
		void randomBytesDoNotThrow() {
			byte[] noise = new byte[4096];
			new Random(42).nextBytes(noise);

			assertThatCode(() -> extractor.extract(noise)).doesNotThrowAnyException();
		}

		@Test
		void paragraphsLeftOpenDirectlyInTheBodyOfAnOldPageAreStillSplit() {
			String page = "<html><body><h1>Le marché de Noël rouvre</h1>\n<p>Les chalets du marché de Noël ont rouvert samedi place "
					+ "Kléber, après deux jours de fermeture liée à la tempête qui a balayé l’Alsace."
					+ "<p>La mairie a fait vérifier chaque structure par un bureau de contrôle avant d’autoriser les exposants "
					+ "à reprendre la vente, au grand soulagement des commerçants.<p>Les visiteurs étaient nombreux dès l’ouverture.";

			ExtractedArticle article = extractor.extract(page.getBytes(StandardCharsets.UTF_8));

			assertThat(article.title()).isEqualTo("Le marché de Noël rouvre");
			assertThat(article.paragraphs()).hasSize(3);
			assertThat(article.paragraphs().get(2)).isEqualTo("Les visiteurs étaient nombreux dès l’ouverture.");
		}

		@Test
		void plainTextWithoutMarkupHasNoArticle() {
			ExtractedArticle article = extractor.extract("Juste une phrase, sans balise.".getBytes(StandardCharsets.UTF_8));

			assertThat(article.paragraphs()).isEmpty();
		}

	}

	/** Structures met on real pages, written from their description (none is a copy of a real page). */
	@Nested
	class RealPageStructures {

		@Test
		void aBodyWrittenAsTextAndBrInADivWithNoParagraphIsReadRunByRun() {
			ExtractedArticle article = extractor.extract(fixture("div-br-body.html"));

			assertThat(article.title()).isEqualTo("Saint-Brieuc : le marché couvert rouvre après deux ans de travaux");
			assertThat(article.paragraphs()).hasSize(4);
			assertThat(article.paragraphs().get(0)).startsWith("Les commerçants l'attendaient depuis l'automne 2021");
			assertThat(article.paragraphs().get(1)).contains("dont huit nouveaux producteurs du pays de Saint-Brieuc, occupent");
			assertThat(article.paragraphs().get(3)).endsWith("le premier vendredi de chaque mois à partir de juin.");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("lire aussi", "parking", "Les plus lus",
					"Routes fermées", "Yann Kerbrat", "Mardi 12 mars", "Mentions légales", "Annonces");
		}

		@Test
		void aBodyGivenOnlyInTheJsonLdArticleBodyIsTakenFromThereInItsParagraphs() {
			ExtractedArticle article = extractor.extract(fixture("jsonld-only-body.html"));

			assertThat(article.title()).isEqualTo("La Loire à vélo bat son record de fréquentation");
			assertThat(article.paragraphs()).hasSize(4);
			assertThat(article.paragraphs().get(0)).startsWith("Plus de 1,2 million de passages");
			assertThat(article.paragraphs().get(3)).endsWith("en particulier entre Angers et Nantes.");
			assertThat(article.details().author()).isEqualTo("Claire Dumas");
		}

		@Test
		void aBodyInsideNoscriptIsReadWhileTheEnableJavascriptLineIsNot() {
			ExtractedArticle article = extractor.extract(fixture("noscript-body.html"));

			assertThat(article.paragraphs()).hasSize(3);
			assertThat(article.paragraphs().get(0)).startsWith("Le syndicat des mobilités");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("JavaScript", "Accueil", "Cookies");
		}

		@Test
		void aLivePageKeepsItsIntroAndEveryTimestampedEntryInOrderWithoutTheAdOrTheRail() {
			ExtractedArticle article = extractor.extract(fixture("live-page.html"));

			assertThat(article.title()).isEqualTo("Tour de France : suivez la 14e étape entre Pau et Saint-Lary-Soulan");
			assertThat(article.paragraphs()).hasSize(7);
			assertThat(article.paragraphs().get(0)).startsWith("Première étape de montagne dans les Pyrénées");
			assertThat(article.paragraphs().get(1)).isEqualTo("Victoire au sommet");
			assertThat(article.paragraphs().get(6)).startsWith("Le départ réel est donné à Pau.");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Publicité", "classement général",
					"programme de la deuxième semaine", "Sport Express", "En direct");
		}

		@Test
		void articleElementsThatAreTeasersAreSkippedAndTheStoryElsewhereIsRead() {
			ExtractedArticle article = extractor.extract(fixture("teasers-and-two-h1.html"));

			assertThat(article.paragraphs()).hasSize(3);
			assertThat(article.paragraphs().get(0)).startsWith("L’île d’Ouessant devient un conservatoire");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("phoques", "landes", "Algues vertes");
		}

		@Test
		void ofTwoH1sTheSitesNameIsNotTheTitleTheStorysIs() {
			ExtractedArticle article = extractor.extract(fixture("teasers-and-two-h1.html"));

			assertThat(article.title()).isEqualTo("Les abeilles noires d’Ouessant protégées par un arrêté préfectoral");
		}

		@Test
		void paragraphsSplitByInlineAdsAndBoxesAreReadWholeAndTheBoxesLeakNothing() {
			ExtractedArticle article = extractor.extract(fixture("inline-ads.html"));

			assertThat(article.paragraphs()).hasSize(5);
			assertThat(article.paragraphs().get(0)).startsWith("Après six ans de chantier");
			assertThat(article.paragraphs().get(2)).startsWith("Le projet, chiffré à 1,2 milliard");
			assertThat(article.paragraphs().get(4)).startsWith("Une seconde phase, prévue pour 2028");
			assertThat(String.join("\n", article.paragraphs())).doesNotContain("Publicité", "Lire aussi", "Tramway T9",
					"Recevez chaque matin", "Je m’inscris", "hall souterrain", "Sur le même thème", "pistes cyclables",
					"Commentaires", "escalators", "cookies");
		}

		@Test
		void aShortBriefOfTwoParagraphsIsAnArticle() {
			ExtractedArticle article = extractor.extract(fixture("short-brief.html"));

			assertThat(article.title()).isEqualTo("Brest : un cargo en avarie remorqué au large d’Ouessant");
			assertThat(article.paragraphs()).containsExactly(
					"Un cargo de 180 mètres, privé de propulsion, a été pris en remorque mardi soir par l’Abeille Bourbon.",
					"Aucun blessé n’est à déplorer parmi les vingt marins à bord, selon la préfecture maritime.");
			assertThat(article.noArticleReason()).isNull();
		}

		@Test
		void aLoginWallHasNoArticleAndSaysSo() {
			ExtractedArticle wall = extractor.extract(fixture("login-wall.html"));

			assertThat(wall.paragraphs()).isEmpty();
			assertThat(wall.noArticleReason()).startsWith("a login or subscription wall");
		}

		@Test
		void aHomePageHasNoArticleAndSaysItIsAListOfHeadlines() {
			ExtractedArticle home = extractor.extract(fixture("homepage.html"));

			assertThat(home.paragraphs()).isEmpty();
			// nine teasers, the section's heading and the logo
			assertThat(home.noArticleReason()).isEqualTo("only a list of 11 linked headlines (a home or section page?)");
		}

	}

	private static byte[] fixture(String name) {
		try (InputStream stream = HtmlArticleExtractorTests.class.getResourceAsStream("/html/" + name)) {
			assertThat(stream).as("fixture " + name).isNotNull();
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] withPrefix(byte[] prefix, byte[] bytes) {
		byte[] joined = new byte[prefix.length + bytes.length];
		System.arraycopy(prefix, 0, joined, 0, prefix.length);
		System.arraycopy(bytes, 0, joined, prefix.length, bytes.length);
		return joined;
	}

}
