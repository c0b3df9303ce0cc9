package org.passerelle.llm;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Message Batches, as documented: {@code POST /messages/batches} with
 * {@code requests: [{custom_id, params}]}, polled at {@code GET /messages/batches/{id}} until its
 * {@code processing_status} is {@code ended}, then its {@code results_url} streamed (JSONL, any order).
 */
final class AnthropicBatches implements ProviderBatches {

	private static final String VERSION = "2023-06-01";

	private final String baseUrl;

	private final BatchHttp http;

	AnthropicBatches(String baseUrl, String apiKey, Duration timeout) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.http = new BatchHttp(Map.of("x-api-key", apiKey, "anthropic-version", VERSION), apiKey, timeout);
	}

	@Override
	public int maxRequests() {
		return 100_000;
	}

	@Override
	public long maxBytes() {
		return 256L * 1024 * 1024;
	}

	@Override
	public String submit(List<BatchRequest> requests) throws IOException {
		// written to disk one request at a time: a batch may be 256 MB
		Path body = Files.createTempFile("passerelle-batch", ".json");
		try {
			try (Writer out = Files.newBufferedWriter(body, StandardCharsets.UTF_8)) {
				out.write("{\"requests\":[");
				for (int i = 0; i < requests.size(); i++) {
					ObjectNode params = (ObjectNode) BatchHttp.JSON.readTree(requests.get(i).body());
					params.remove("stream"); // a batch item is never streamed
					ObjectNode item = BatchHttp.JSON.createObjectNode().put("custom_id", requests.get(i).customId());
					item.set("params", params);
					out.write((i == 0 ? "" : ",") + BatchHttp.JSON.writeValueAsString(item));
				}
				out.write("]}");
			}
			return http.postJsonFile(baseUrl + "/messages/batches", body).path("id").asString();
		}
		finally {
			Files.deleteIfExists(body);
		}
	}

	@Override
	public BatchState poll(String batchId) throws IOException {
		JsonNode batch = http.get(baseUrl + "/messages/batches/" + batchId);
		String status = batch.path("processing_status").asString();
		JsonNode counts = batch.path("request_counts");
		long processing = counts.path("processing").asLong();
		long expired = counts.path("expired").asLong();
		long canceled = counts.path("canceled").asLong();
		long finished = counts.path("succeeded").asLong() + counts.path("errored").asLong() + expired + canceled;
		long total = processing + finished;
		BatchState.Phase phase = !"ended".equals(status) ? BatchState.Phase.IN_PROGRESS
				// a batch whose every request expired or was canceled is a batch that did not happen
				: finished > 0 && expired + canceled == finished ? BatchState.Phase.FAILED : BatchState.Phase.ENDED;
		return new BatchState(phase, phase == BatchState.Phase.FAILED ? "expired" : status, total, finished,
				phase == BatchState.Phase.FAILED ? expired + " expired, " + canceled + " canceled" : null);
	}

	@Override
	public void download(String batchId, Path results) throws IOException {
		String url = http.get(baseUrl + "/messages/batches/" + batchId).path("results_url").asString("");
		http.downloadNormalised(url.isEmpty() ? List.of() : List.of(url), results, AnthropicBatches::normalise);
	}

	/** Each line is {@code {custom_id, result: {type, message | error}}}. */
	private static void normalise(Path raw, Writer out) throws IOException {
		try (var lines = Files.lines(raw, StandardCharsets.UTF_8)) {
			for (String text : (Iterable<String>) lines::iterator) {
				if (text.isBlank()) {
					continue;
				}
				JsonNode line = BatchHttp.JSON.readTree(text);
				JsonNode result = line.path("result");
				String type = result.path("type").asString();
				String error = type.equals("errored") ? result.path("error").path("error").path("message")
					.asString(result.path("error").toString()) : null;
				BatchAnswers.appendResult(out, line.path("custom_id").asString(), type,
						type.equals("succeeded") ? result.get("message") : null, error);
			}
		}
	}

}
