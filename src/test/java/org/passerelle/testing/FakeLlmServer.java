package org.passerelle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in LLM provider on a real local port, answering like OpenAI's chat completions API and
 * Ollama's chat API (formats from the providers' documentation), so tests exercise LangChain4j's real
 * HTTP clients. Its default "translation" is mechanical: every paragraph comes back marked as English,
 * keeping the source's count and order. Tests can change the answer, add latency, or make it fail.
 *
 * <p>Run it by hand with {@code java -cp ... org.passerelle.testing.FakeLlmServer [port] [latencyMillis] [flakiness]};
 * a flakiness of 0.3 answers 30% of chat requests with a 429 (Retry-After: 1) or a 503.
 */
public final class FakeLlmServer implements AutoCloseable {

	public static final String MODEL = "fake-translator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Recorded> requests = new ArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	private volatile Function<JsonNode, Object> answerer = FakeLlmServer::translate;

	private volatile Failure failure;

	private volatile double flakiness;

	private final java.util.Deque<Reply> script = new java.util.concurrent.ConcurrentLinkedDeque<>();

	private FakeLlmServer(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "fake-llm");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	public static FakeLlmServer start() throws IOException {
		return new FakeLlmServer(0);
	}

	public static void main(String[] args) throws Exception {
		FakeLlmServer fake = new FakeLlmServer(args.length > 0 ? Integer.parseInt(args[0]) : 11434);
		if (args.length > 1) {
			fake.latency(Duration.ofMillis(Long.parseLong(args[1])));
		}
		if (args.length > 2) {
			fake.flakiness(Double.parseDouble(args[2]));
		}
		System.out.println("Fake LLM listening on " + fake.baseUrl() + " (OpenAI API under /v1, Ollama API under /api), model "
				+ MODEL);
		Thread.currentThread().join();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public String openAiBaseUrl() {
		return baseUrl() + "/v1";
	}

	public FakeLlmServer latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	/** Replaces the answer: given the article the request carried, return what the model should answer. */
	public FakeLlmServer answer(Function<JsonNode, Object> answerer) {
		this.answerer = answerer;
		return this;
	}

	/** This fraction of chat requests, at random, gets a 429 asking for a one-second wait, or a 503. */
	public FakeLlmServer flakiness(double rate) {
		this.flakiness = rate;
		return this;
	}

	/** Every request from now on fails with this status and body. */
	public FakeLlmServer failWith(int status, String body) {
		this.failure = new Failure(status, body);
		return this;
	}

	/** The next chat requests get these replies, in order; after them, the normal answer again. */
	public FakeLlmServer thenReply(Reply... replies) {
		script.addAll(List.of(replies));
		return this;
	}

	/** Stop failing, forget scripted replies, answer normally at once. */
	public FakeLlmServer reset() {
		failure = null;
		script.clear();
		latency = Duration.ZERO;
		answerer = FakeLlmServer::translate;
		return this;
	}

	/** Chat requests received so far (model listings are not counted). */
	public synchronized List<Recorded> chatRequests() {
		return requests.stream().filter(Recorded::isChat).toList();
	}

	/**
	 * The mechanical default "translation": one English sentence per paragraph that keeps the paragraph's
	 * numbers, the same count and order as the source, and a one-sentence summary.
	 */
	public static Map<String, Object> translate(JsonNode article) {
		List<String> paragraphs = new ArrayList<>();
		int index = 0;
		for (JsonNode paragraph : article.get("paragraphs")) {
			paragraphs.add(english("This is the English translation of paragraph " + ++index + " of the story",
					paragraph.asString()));
		}
		return Map.of("title", english("The English headline of the story", article.get("title").asString()),
				"paragraphs", paragraphs, "summary", "This short summary tells the whole story in English.");
	}

	private static String english(String sentence, String french) {
		List<String> numbers = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\d+(?:[ \\u00A0\\u202F.,:h]\\d+)*").matcher(french);
		while (matcher.find()) {
			numbers.add(matcher.group());
		}
		return numbers.isEmpty() ? sentence + "." : sentence + ", with the figures " + String.join(" and ", numbers) + ".";
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath();
			synchronized (this) {
				requests.add(new Recorded(exchange.getRequestMethod(), path, body,
						exchange.getRequestHeaders().getFirst("Authorization"), java.time.Instant.now()));
			}
			Failure failing = failure;
			if (failing != null) {
				send(exchange, failing.status(), failing.body());
				return;
			}
			switch (path) {
				case "/v1/models" -> send(exchange, 200,
						"{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"test\"}]}");
				case "/api/tags" -> send(exchange, 200, "{\"models\":[{\"name\":\"" + MODEL + ":latest\",\"model\":\"" + MODEL
						+ ":latest\",\"size\":1,\"digest\":\"0\",\"details\":{}}]}");
				case "/v1/chat/completions" -> {
					Reply scripted = script.poll();
					double draw = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
					if (scripted == null && draw < flakiness) {
						scripted = draw < flakiness / 2
								? Reply.status(429, "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}",
										"retry-after", "1")
								: Reply.status(503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_is_overloaded\"}}");
					}
					if (scripted != null) {
						scripted.send(exchange, body);
					}
					else {
						send(exchange, 200, openAiAnswer(body));
					}
				}
				case "/api/chat" -> send(exchange, 200, ollamaAnswer(body));
				default -> send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
			}
		}
	}

	private String openAiAnswer(String requestBody) throws IOException {
		return openAiCompletion(requestBody, answerFor(requestBody), "stop");
	}

	private static String openAiCompletion(String requestBody, String content, String finishReason) {
		ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
		message.putNull("refusal");
		ObjectNode choice = JSON.createObjectNode().put("index", 0).put("finish_reason", finishReason);
		choice.set("message", message);
		ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
			.put("created", 1_700_000_000L).put("model", MODEL);
		response.putArray("choices").add(choice);
		response.putObject("usage").put("prompt_tokens", tokens(requestBody)).put("completion_tokens", tokens(content))
			.put("total_tokens", tokens(requestBody) + tokens(content));
		return JSON.writeValueAsString(response);
	}

	private String ollamaAnswer(String requestBody) throws IOException {
		String content = answerFor(requestBody);
		ObjectNode response = JSON.createObjectNode().put("model", MODEL).put("created_at", "2026-11-23T00:00:00Z");
		response.putObject("message").put("role", "assistant").put("content", content);
		response.put("done", true).put("done_reason", "stop").put("prompt_eval_count", tokens(requestBody))
			.put("eval_count", tokens(content));
		return JSON.writeValueAsString(response);
	}

	private String answerFor(String requestBody) throws IOException {
		sleep();
		JsonNode article = articleIn(JSON.readTree(requestBody));
		Object answer = answerer.apply(article);
		return answer instanceof String text ? text : JSON.writeValueAsString(answer);
	}

	/** The article JSON embedded in the last user message. */
	public static JsonNode articleIn(JsonNode request) {
		ArrayNode messages = (ArrayNode) request.get("messages");
		String user = "";
		for (JsonNode message : messages) {
			if ("user".equals(message.get("role").asString())) {
				JsonNode content = message.get("content");
				user = content.isString() ? content.asString() : content.get(0).get("text").asString();
			}
		}
		return JSON.readTree(user.substring(user.indexOf('{'), user.lastIndexOf('}') + 1));
	}

	private static int tokens(String text) {
		return Math.max(1, text.length() / 4);
	}

	private void sleep() {
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A scripted reply to one chat request. */
	@FunctionalInterface
	public interface Reply {

		void send(HttpExchange exchange, String requestBody) throws IOException;

		/** An error status with a JSON body and headers such as {@code retry-after}. */
		static Reply status(int status, String body, String... headerNamesAndValues) {
			return (exchange, request) -> {
				for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
					exchange.getResponseHeaders().set(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
				}
				FakeLlmServer.send(exchange, status, body);
			};
		}

		/** The connection is closed without an answer, as a reset or a crashed proxy would. */
		static Reply dropConnection() {
			return (exchange, request) -> exchange.getHttpContext().getServer();
		}

		/** A 200 whose message content is this text, with this finish reason. */
		static Reply content(String content, String finishReason) {
			return (exchange, request) -> FakeLlmServer.send(exchange, 200, openAiCompletion(request, content, finishReason));
		}

		/** A refusal: no content, the refusal text instead. */
		static Reply refusal(String text) {
			return (exchange, request) -> {
				ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("refusal", text);
				message.putNull("content");
				ObjectNode choice = JSON.createObjectNode().put("index", 0).put("finish_reason", "stop");
				choice.set("message", message);
				ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
					.put("created", 1_700_000_000L).put("model", MODEL);
				response.putArray("choices").add(choice);
				response.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
				FakeLlmServer.send(exchange, 200, JSON.writeValueAsString(response));
			};
		}

		/** Waits this long before the normal answer (longer than the client's timeout, to time it out). */
		static Reply slow(Duration delay) {
			return (exchange, request) -> {
				try {
					Thread.sleep(delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				FakeLlmServer.send(exchange, 200, openAiCompletion(request,
						JSON.writeValueAsString(translate(articleIn(JSON.readTree(request)))), "stop"));
			};
		}

	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** One request the server received. */
	public record Recorded(String method, String path, String body, String authorization, java.time.Instant receivedAt) {

		boolean isChat() {
			return path.endsWith("/chat/completions") || path.equals("/api/chat");
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public JsonNode article() {
			return articleIn(json());
		}

	}

	private record Failure(int status, String body) {
	}

}
