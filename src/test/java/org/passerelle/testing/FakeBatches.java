package org.passerelle.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch APIs of OpenAI ({@code /v1/files}, {@code /v1/batches}) and Anthropic
 * ({@code /v1/messages/batches}) on the fake provider, after their documentation: uploads, states,
 * results in any order (this fake returns them in reverse), items that error or expire, and whole batches
 * that expire. Each item is answered as the live endpoint would answer it. A test can hold batches in
 * progress until it releases them, and wait for the job to poll.
 */
public final class FakeBatches {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FakeLlmServer server;

	private final Map<String, String> files = new ConcurrentHashMap<>();

	private final Map<String, Batch> batches = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final Set<String> erroring = ConcurrentHashMap.newKeySet();

	private final Set<String> expiring = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> answeredIds = new ConcurrentHashMap<>();

	private volatile boolean holding;

	private volatile boolean expireWhole;

	private int polls;

	FakeBatches(FakeLlmServer server) {
		this.server = server;
	}

	/** Batches stay in progress, however often they are polled, until {@link #release()}. */
	public FakeBatches hold() {
		holding = true;
		return this;
	}

	public FakeBatches release() {
		holding = false;
		return this;
	}

	/** Items whose article has one of these titles are answered with an error. */
	public FakeBatches errorFor(String... titles) {
		erroring.addAll(List.of(titles));
		return this;
	}

	/** Items whose article has one of these titles expire unanswered. */
	public FakeBatches expire(String... titles) {
		expiring.addAll(List.of(titles));
		return this;
	}

	/** The next batches expire as a whole: nothing in them is answered. */
	public FakeBatches expireWholeBatches(boolean on) {
		expireWhole = on;
		return this;
	}

	public FakeBatches reset() {
		holding = false;
		expireWhole = false;
		erroring.clear();
		expiring.clear();
		return this;
	}

	/** How many batches were created, over both APIs. */
	public int created() {
		return batches.size();
	}

	/** How many times each request id was answered in a batch. */
	public Map<String, Integer> answeredIds() {
		return Map.copyOf(answeredIds);
	}

	/** The request bodies of every batch created, in order. */
	public List<JsonNode> requests() {
		List<JsonNode> all = new ArrayList<>();
		batches.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).forEach(batch -> all.addAll(batch.bodies));
		return all;
	}

	/** Waits until the job has polled some batch more than this many times; fails after a long safety limit. */
	public synchronized void awaitPolls(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (polls <= count) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new IllegalStateException("the job polled its batch " + polls + " time(s), never more than " + count);
			}
			java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
		}
	}

	private synchronized void polled() {
		polls++;
		notifyAll();
	}

	/** Answers a batch API request; false when the path is not one of theirs. */
	boolean answer(HttpExchange exchange, String path, String body) throws IOException {
		String method = exchange.getRequestMethod();
		if (path.equals("/v1/files") && method.equals("POST")) {
			String id = "file-" + ids.incrementAndGet();
			files.put(id, uploadedFile(exchange, body));
			FakeLlmServer.send(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
			return true;
		}
		if (path.startsWith("/v1/files/") && path.endsWith("/content")) {
			String id = path.substring("/v1/files/".length(), path.length() - "/content".length());
			String content = files.get(id);
			FakeLlmServer.send(exchange, content == null ? 404 : 200, content == null ? "{\"error\":{\"message\":\"no file\"}}" : content);
			return true;
		}
		if (path.equals("/v1/batches") && method.equals("POST")) {
			JsonNode create = JSON.readTree(body);
			Batch batch = new Batch("batch_" + ids.incrementAndGet(), false);
			for (String line : files.get(create.path("input_file_id").asString()).split("\n")) {
				if (!line.isBlank()) {
					JsonNode item = JSON.readTree(line);
					batch.add(item.path("custom_id").asString(), item.get("body"));
				}
			}
			batches.put(batch.id, batch);
			FakeLlmServer.send(exchange, 200, openAiBatch(batch));
			return true;
		}
		if (path.startsWith("/v1/batches/")) {
			Batch batch = batches.get(path.substring("/v1/batches/".length()));
			polled();
			FakeLlmServer.send(exchange, 200, openAiBatch(batch));
			return true;
		}
		if (path.equals("/v1/messages/batches") && method.equals("POST")) {
			Batch batch = new Batch("msgbatch_" + ids.incrementAndGet(), true);
			for (JsonNode item : JSON.readTree(body).path("requests")) {
				batch.add(item.path("custom_id").asString(), item.get("params"));
			}
			batches.put(batch.id, batch);
			FakeLlmServer.send(exchange, 200, anthropicBatch(batch, exchange));
			return true;
		}
		if (path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
			Batch batch = batches.get(path.substring("/v1/messages/batches/".length(), path.length() - "/results".length()));
			FakeLlmServer.send(exchange, 200, batch.anthropicResults());
			return true;
		}
		if (path.startsWith("/v1/messages/batches/")) {
			Batch batch = batches.get(path.substring("/v1/messages/batches/".length()));
			polled();
			FakeLlmServer.send(exchange, 200, anthropicBatch(batch, exchange));
			return true;
		}
		return false;
	}

	/** The file part of a multipart upload: what lies between the part's headers and the closing boundary. */
	private static String uploadedFile(HttpExchange exchange, String body) {
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
		int part = body.indexOf("name=\"file\"");
		int start = body.indexOf("\r\n\r\n", part) + 4;
		int end = body.indexOf("\r\n" + boundary, start);
		return body.substring(start, end);
	}

	private String openAiBatch(Batch batch) throws IOException {
		batch.settle();
		ObjectNode json = JSON.createObjectNode().put("id", batch.id).put("object", "batch")
			.put("endpoint", "/v1/chat/completions").put("completion_window", "24h").put("status", batch.status());
		if (batch.done) {
			json.put("output_file_id", batch.outputFile);
			if (batch.errorFile != null) {
				json.put("error_file_id", batch.errorFile);
			}
		}
		json.putObject("request_counts").put("total", batch.bodies.size()).put("completed", batch.done ? batch.succeeded : 0)
			.put("failed", batch.done ? batch.bodies.size() - batch.succeeded : 0);
		return JSON.writeValueAsString(json);
	}

	private String anthropicBatch(Batch batch, HttpExchange exchange) throws IOException {
		batch.settle();
		ObjectNode json = JSON.createObjectNode().put("id", batch.id).put("type", "message_batch")
			.put("processing_status", batch.done ? "ended" : "in_progress");
		long expired = batch.done ? batch.expired : 0;
		long errored = batch.done ? batch.bodies.size() - batch.succeeded - batch.expired : 0;
		json.putObject("request_counts").put("processing", batch.done ? 0 : batch.bodies.size())
			.put("succeeded", batch.done ? batch.succeeded : 0).put("errored", errored).put("canceled", 0).put("expired", expired);
		if (batch.done) {
			json.put("results_url", "http://" + exchange.getLocalAddress().getHostString() + ":"
					+ exchange.getLocalAddress().getPort() + "/v1/messages/batches/" + batch.id + "/results");
		}
		else {
			json.putNull("results_url");
		}
		return JSON.writeValueAsString(json);
	}

	/** One batch: its items, answered all at once the first time it is polled while not held. */
	private final class Batch {

		final String id;

		final boolean anthropic;

		final List<String> customIds = new ArrayList<>();

		final List<JsonNode> bodies = new ArrayList<>();

		boolean done;

		boolean wholeExpired;

		int succeeded;

		int expired;

		String outputFile;

		String errorFile;

		final List<String> anthropicLines = new ArrayList<>();

		Batch(String id, boolean anthropic) {
			this.id = id;
			this.anthropic = anthropic;
		}

		void add(String customId, JsonNode body) {
			customIds.add(customId);
			bodies.add(body);
		}

		String status() {
			return !done ? "in_progress" : wholeExpired ? "expired" : "completed";
		}

		synchronized void settle() throws IOException {
			if (done || holding) {
				return;
			}
			wholeExpired = expireWhole;
			List<String> output = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			for (int i = 0; i < bodies.size(); i++) {
				String customId = customIds.get(i);
				String body = JSON.writeValueAsString(bodies.get(i));
				String title = FakeLlmServer.articleIn(bodies.get(i)).path("title").asString("");
				if (wholeExpired || expiring.contains(title)) {
					expired++;
					errors.add(anthropic ? result(customId, "expired", null)
							: "{\"custom_id\":\"" + customId + "\",\"response\":null,\"error\":{\"code\":\"batch_expired\","
									+ "\"message\":\"This request could not be executed before the completion window expired.\"}}");
				}
				else if (erroring.contains(title)) {
					String error = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"fake item error\"}}";
					errors.add(anthropic ? "{\"custom_id\":\"" + customId + "\",\"result\":{\"type\":\"errored\",\"error\":" + error + "}}"
							: "{\"custom_id\":\"" + customId + "\",\"response\":{\"status_code\":400,\"body\":{\"error\":"
									+ "{\"message\":\"fake item error\",\"type\":\"invalid_request_error\"}}},\"error\":null}");
				}
				else {
					succeeded++;
					answeredIds.merge(customId, 1, Integer::sum);
					if (anthropic) {
						output.add(result(customId, "succeeded", JSON.readTree(server.anthropicMessageFor(body))));
					}
					else {
						output.add("{\"id\":\"batch_req_" + i + "\",\"custom_id\":\"" + customId + "\",\"response\":{\"status_code\":200,"
								+ "\"request_id\":\"req_" + i + "\",\"body\":" + server.chatCompletionFor(body) + "},\"error\":null}");
					}
				}
			}
			// answers come back in any order: this fake sends them in reverse
			Collections.reverse(output);
			if (anthropic) {
				anthropicLines.addAll(output);
				anthropicLines.addAll(errors);
			}
			else {
				if (!output.isEmpty()) {
					outputFile = "file-" + ids.incrementAndGet();
					files.put(outputFile, String.join("\n", output) + "\n");
				}
				if (!errors.isEmpty()) {
					errorFile = "file-" + ids.incrementAndGet();
					files.put(errorFile, String.join("\n", errors) + "\n");
				}
				if (outputFile == null) {
					outputFile = "file-" + ids.incrementAndGet();
					files.put(outputFile, "");
				}
			}
			done = true;
		}

		String anthropicResults() {
			return String.join("\n", anthropicLines) + "\n";
		}

		private String result(String customId, String type, JsonNode message) {
			ObjectNode line = JSON.createObjectNode().put("custom_id", customId);
			ObjectNode result = line.putObject("result").put("type", type);
			if (message != null) {
				result.set("message", message);
			}
			return JSON.writeValueAsString(line);
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
