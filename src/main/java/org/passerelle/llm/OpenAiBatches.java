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
 * OpenAI's Batch API, as documented: the requests go up as a JSONL file ({@code POST /files},
 * {@code purpose=batch}), a batch is created on it ({@code POST /batches}, 24-hour window), polled
 * ({@code GET /batches/{id}}), and its output and error files downloaded ({@code GET /files/{id}/content}).
 */
final class OpenAiBatches implements ProviderBatches {

	private final String baseUrl;

	private final BatchHttp http;

	OpenAiBatches(String baseUrl, String apiKey, Duration timeout) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.http = new BatchHttp(Map.of("authorization", "Bearer " + apiKey), apiKey, timeout);
	}

	@Override
	public int maxRequests() {
		return 50_000;
	}

	@Override
	public long maxBytes() {
		return 200L * 1024 * 1024;
	}

	@Override
	public String submit(List<BatchRequest> requests) throws IOException {
		Path lines = Files.createTempFile("passerelle-batch", ".jsonl");
		JsonNode file;
		try {
			try (Writer out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
				for (BatchRequest request : requests) {
					ObjectNode line = BatchHttp.JSON.createObjectNode().put("custom_id", request.customId()).put("method", "POST")
						.put("url", request.url());
					line.set("body", BatchHttp.JSON.readTree(request.body()));
					out.write(BatchHttp.JSON.writeValueAsString(line));
					out.write('\n');
				}
			}
			file = http.upload(baseUrl + "/files", Map.of("purpose", "batch"), "passerelle-batch.jsonl", lines);
		}
		finally {
			Files.deleteIfExists(lines);
		}
		ObjectNode create = BatchHttp.JSON.createObjectNode().put("input_file_id", file.path("id").asString())
			.put("endpoint", requests.get(0).url()).put("completion_window", "24h");
		create.putObject("metadata").put("client", "passerelle");
		return http.postJson(baseUrl + "/batches", create).path("id").asString();
	}

	@Override
	public BatchState poll(String batchId) throws IOException {
		JsonNode batch = http.get(baseUrl + "/batches/" + batchId);
		String status = batch.path("status").asString();
		JsonNode counts = batch.path("request_counts");
		long total = counts.path("total").asLong();
		long finished = counts.path("completed").asLong() + counts.path("failed").asLong();
		BatchState.Phase phase = switch (status) {
			case "completed" -> BatchState.Phase.ENDED;
			case "failed", "expired", "cancelled" -> BatchState.Phase.FAILED;
			default -> BatchState.Phase.IN_PROGRESS; // validating, in_progress, finalizing, cancelling
		};
		String detail = null;
		if (batch.path("errors").path("data").isArray() && !batch.path("errors").path("data").isEmpty()) {
			detail = batch.path("errors").path("data").get(0).path("message").asString();
		}
		return new BatchState(phase, status, total, finished, detail);
	}

	@Override
	public void download(String batchId, Path results) throws IOException {
		JsonNode batch = http.get(baseUrl + "/batches/" + batchId);
		List<String> files = new java.util.ArrayList<>();
		for (String field : List.of("output_file_id", "error_file_id")) {
			String fileId = batch.path(field).asString("");
			if (!fileId.isEmpty()) {
				files.add(baseUrl + "/files/" + fileId + "/content");
			}
		}
		http.downloadNormalised(files, results, OpenAiBatches::normalise);
	}

	/** Output lines carry {@code response.status_code} and {@code response.body}; error lines an {@code error}. */
	private static void normalise(Path raw, Writer out) throws IOException {
		try (var lines = Files.lines(raw, StandardCharsets.UTF_8)) {
			for (String text : (Iterable<String>) lines::iterator) {
				if (text.isBlank()) {
					continue;
				}
				JsonNode line = BatchHttp.JSON.readTree(text);
				String id = line.path("custom_id").asString();
				JsonNode response = line.path("response");
				JsonNode error = line.path("error");
				if (response.path("status_code").asInt() == 200 && (error.isNull() || error.isMissingNode())) {
					BatchAnswers.appendResult(out, id, "succeeded", response.get("body"), null);
				}
				else {
					String code = error.path("code").asString(response.path("body").path("error").path("code").asString(""));
					String message = error.path("message").asString(response.path("body").path("error").path("message").asString("failed"));
					BatchAnswers.appendResult(out, id, "batch_expired".equals(code) ? "expired" : "errored", null, message);
				}
			}
		}
	}

}
