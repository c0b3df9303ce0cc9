package org.passerelle.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls of the batch APIs (create, poll, download), on the JDK client. An error answer
 * becomes an {@link IOException} that says what the provider said, never the key.
 */
final class BatchHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final Map<String, String> headers;

	private final String secret;

	private final Duration timeout;

	BatchHttp(Map<String, String> headers, String secret, Duration timeout) {
		this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).version(HttpClient.Version.HTTP_1_1).build();
		this.headers = headers;
		this.secret = secret;
		this.timeout = timeout;
	}

	JsonNode get(String url) throws IOException {
		return JSON.readTree(send(request(url).GET(), HttpResponse.BodyHandlers.ofString()).body());
	}

	JsonNode postJson(String url, Object body) throws IOException {
		String json = body instanceof String text ? text : JSON.writeValueAsString(body);
		return JSON.readTree(send(request(url).header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString()).body());
	}

	/**
	 * A multipart form upload of one file, as OpenAI's {@code /v1/files} wants it, streamed from disk: a
	 * batch file may be 200 MB.
	 */
	JsonNode upload(String url, Map<String, String> fields, String fileName, Path content) throws IOException {
		String boundary = "passerelle-" + Long.toHexString(System.nanoTime());
		StringBuilder head = new StringBuilder();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
				.append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
		}
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: application/jsonl\r\n\r\n");
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
				HttpRequest.BodyPublishers.ofString(head.toString()), HttpRequest.BodyPublishers.ofFile(content),
				HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
		return JSON.readTree(send(request(url).header("content-type", "multipart/form-data; boundary=" + boundary).POST(body),
				HttpResponse.BodyHandlers.ofString()).body());
	}

	/** A JSON body streamed from a file. */
	JsonNode postJsonFile(String url, Path json) throws IOException {
		return JSON.readTree(send(request(url).header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofFile(json)), HttpResponse.BodyHandlers.ofString()).body());
	}

	/** Streams a download to a temporary file beside {@code target}, then moves it into place. */
	void download(String url, Path target) throws IOException {
		Files.createDirectories(target.toAbsolutePath().getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		HttpResponse<InputStream> response = send(request(url).GET(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Turns one downloaded results file into normalised lines. */
	@FunctionalInterface
	interface Normaliser {

		void normalise(Path raw, java.io.Writer out) throws IOException;

	}

	/**
	 * Downloads the results at these addresses, one after the other, and writes them normalised into
	 * {@code results}, which appears whole or not at all.
	 */
	void downloadNormalised(java.util.List<String> urls, Path results, Normaliser normaliser) throws IOException {
		Files.createDirectories(results.toAbsolutePath().getParent());
		Path partial = results.resolveSibling(results.getFileName() + ".part");
		try (java.io.Writer out = Files.newBufferedWriter(partial, java.nio.charset.StandardCharsets.UTF_8)) {
			for (String url : urls) {
				Path raw = results.resolveSibling(results.getFileName() + ".raw");
				download(url, raw);
				normaliser.normalise(raw, out);
				Files.delete(raw);
			}
		}
		Files.move(partial, results, StandardCopyOption.REPLACE_EXISTING);
	}

	private HttpRequest.Builder request(String url) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
		headers.forEach(builder::header);
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
		HttpRequest built = request.build();
		HttpResponse<T> response;
		try {
			response = client.send(built, handler);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the provider", ex);
		}
		if (response.statusCode() / 100 != 2) {
			Object body = response.body();
			String text = body instanceof InputStream in ? new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
					: String.valueOf(body);
			text = ErrorDescriptions.redact(text, secret);
			throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode() + ": "
					+ (text.length() > 500 ? text.substring(0, 500) + "..." : text));
		}
		return response;
	}

}
