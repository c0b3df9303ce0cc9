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
 * A stand-in LLM provider on a real local port, answering like OpenAI's chat completions API,
 * Ollama's chat API and Anthropic's Messages API (formats from the providers' documentation), so tests
 * exercise LangChain4j's real HTTP clients. Scripted replies, failures, holds and the context window
 * apply to all three, each failing in its own provider's shape ({@link Reply}). Its default "translation" is mechanical: every paragraph comes back marked as English,
 * keeping the source's count and order. Tests can change the answer, make it fail, or hold answers
 * back until they release them ({@link #hold()}), so that a test waits for what the client does, never
 * for a length of time; latency is for the benchmark and for trying it by hand.
 *
 * <p>Run it by hand with {@code java -cp ... org.passerelle.testing.FakeLlmServer [port] [latencyMillis] [flakiness]
 * [contextTokens]}; a flakiness of 0.3 answers 30% of chat requests with a 429 (Retry-After: 1) or a 503.
 */
public final class FakeLlmServer implements AutoCloseable {

	public static final String MODEL = "fake-translator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonMapper FIRST_VALUE = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** The exchange attribute that takes a chat request out of flight, once, as its answer goes out. */
	private static final String ANSWERING = "fake-llm.answering";

	/**
	 * How long a held request waits for its release at most: only a safety net, so that a test that
	 * never releases cannot hang the build. Longer than any wait of the tests ({@link Await#LIMIT}).
	 */
	private static final Duration HOLD_LIMIT = Await.LIMIT.plusMinutes(1);

	private final HttpServer server;

	private final List<Recorded> requests = new ArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	private volatile Function<JsonNode, Object> answerer = FakeLlmServer::translate;

	private volatile Failure failure;

	private volatile Reply chatFailure;

	private volatile double flakiness;

	private final java.util.Deque<Reply> script = new java.util.concurrent.ConcurrentLinkedDeque<>();

	private volatile int contextTokens = Integer.MAX_VALUE;

	private final Map<String, Reply> failingTitles = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger successesLeft = new java.util.concurrent.atomic.AtomicInteger(-1);

	private volatile Reply failureAfterSuccesses;

	private final Map<String, java.util.concurrent.atomic.AtomicInteger> answered = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile boolean recording = true;

	private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicLong chatCount = new java.util.concurrent.atomic.AtomicLong();

	// The gate, guarded by itself, which is also notified whenever a chat request arrives or is released.
	// Held requests get tickets in order of arrival; those below releasedTickets may go.
	private final Object gate = new Object();

	private int answersBeforeHolding = -1;

	private long heldTickets;

	private long releasedTickets;

	private String holdExpired;

	private final java.util.concurrent.atomic.AtomicLong promptTokenTotal = new java.util.concurrent.atomic.AtomicLong();

	private final java.util.concurrent.atomic.AtomicInteger largestRequest = new java.util.concurrent.atomic.AtomicInteger();

	private static final com.knuddels.jtokkit.api.Encoding TOKENIZER = com.knuddels.jtokkit.Encodings
		.newLazyEncodingRegistry()
		.getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE);

	private FakeLlmServer(int port) throws IOException {
		// answers go out at once, as from a real server: without it Nagle's algorithm and delayed ACKs add ~40 ms a call
		System.setProperty("sun.net.httpserver.nodelay", "true");
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "fake-llm");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle).getAttributes().put(FakeLlmServer.class.getName(), this);
		server.start();
	}

	public static FakeLlmServer start() throws IOException {
		return new FakeLlmServer(0);
	}

	public static void main(String[] args) throws Exception {
		FakeLlmServer fake = new FakeLlmServer(args.length > 0 ? Integer.parseInt(args[0]) : 11434);
		fake.recording(false);
		if (args.length > 1) {
			fake.latency(Duration.ofMillis(Long.parseLong(args[1])));
		}
		if (args.length > 2) {
			fake.flakiness(Double.parseDouble(args[2]));
		}
		if (args.length > 3) {
			fake.contextTokens(Integer.parseInt(args[3]));
		}
		System.out.println("Fake LLM listening on " + fake.baseUrl() + " (OpenAI and Anthropic APIs under /v1, Ollama API under /api), model "
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

	/**
	 * Behaves like a model with this context window: a prompt longer than it gets OpenAI's 400
	 * {@code context_length_exceeded}; an answer that would overflow it is cut off with finish reason
	 * {@code length}, as a server does when the window fills up.
	 */
	public FakeLlmServer contextTokens(int tokens) {
		this.contextTokens = tokens;
		return this;
	}

	/** Off, requests are counted but their bodies are not kept (long benchmarks). */
	public FakeLlmServer recording(boolean on) {
		this.recording = on;
		return this;
	}

	/** The most chat requests that were ever in flight at the same time: received and not yet answered. */
	public int mostInFlight() {
		return mostInFlight.get();
	}

	private volatile int refuseAbove = Integer.MAX_VALUE;

	private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

	/** A chat request that would make more than this many in flight gets a 429 at once, as from a provider's limit. */
	public FakeLlmServer refuseAbove(int calls) {
		this.refuseAbove = calls;
		return this;
	}

	/** Chat requests refused for going over {@link #refuseAbove}. */
	public int refused() {
		return refused.get();
	}

	/**
	 * Chat requests from now on are received (counted, recorded) but not answered until {@link #release}
	 * or {@link #releaseOne}: the client keeps waiting on them for as long as the test needs.
	 */
	public FakeLlmServer hold() {
		return holdAfter(0);
	}

	/** Answers this many more chat requests as usual, then holds the next ones as {@link #hold()} does. */
	public FakeLlmServer holdAfter(int answers) {
		synchronized (gate) {
			answersBeforeHolding = answers;
		}
		return this;
	}

	/** Chat requests being held now. */
	public int held() {
		synchronized (gate) {
			return (int) (heldTickets - releasedTickets);
		}
	}

	/** Waits until at least this many chat requests are being held; fails at {@link Await#LIMIT}. */
	public FakeLlmServer awaitHeld(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Await.LIMIT.toNanos();
		synchronized (gate) {
			while (heldTickets - releasedTickets < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("gave up after " + Await.LIMIT.toSeconds() + " s waiting for " + count
							+ " chat request(s) to be held by the fake provider; " + (heldTickets - releasedTickets)
							+ " held, " + chatCount.get() + " received in all");
				}
				java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(gate, left);
			}
		}
		return this;
	}

	/** The request held longest gets its answer; the others, and new ones, are still held. */
	public FakeLlmServer releaseOne() {
		synchronized (gate) {
			if (heldTickets == releasedTickets) {
				throw new IllegalStateException("no chat request is held");
			}
			releasedTickets++;
			gate.notifyAll();
		}
		return this;
	}

	/** Every held request gets its answer, and new ones are answered at once again. */
	public FakeLlmServer release() {
		synchronized (gate) {
			answersBeforeHolding = -1;
			releasedTickets = heldTickets;
			gate.notifyAll();
		}
		return this;
	}

	/** Chat requests received so far, recorded or not, held ones included. */
	public long chatCount() {
		return chatCount.get();
	}

	/** Prompt tokens of all chat requests so far, counted with the cl100k tokenizer. */
	public long promptTokenTotal() {
		return promptTokenTotal.get();
	}

	/** The largest prompt received, in tokens. */
	public int largestRequest() {
		return largestRequest.get();
	}

	/** After this many more successful chat answers, every chat request fails with this status and body. */
	public FakeLlmServer failAfter(int successes, int status, String body) {
		return failAfter(successes, Reply.status(status, body));
	}

	/** After this many more successful chat answers, every chat request gets this reply. */
	public FakeLlmServer failAfter(int successes, Reply reply) {
		successesLeft.set(successes);
		failureAfterSuccesses = reply;
		return this;
	}

	/** Forgets the requests received and the answers counted so far. */
	public synchronized FakeLlmServer forgetRequests() {
		requests.clear();
		answered.clear();
		mostInFlight.set(0);
		return this;
	}

	/** One answer more for the article the request carries, or for each of the articles a shared request carries. */
	private void countAnswered(JsonNode article) {
		List<JsonNode> articles = new ArrayList<>();
		if (article.has("articles")) {
			article.get("articles").forEach(articles::add);
		}
		else {
			articles.add(article);
		}
		for (JsonNode one : articles) {
			answered.computeIfAbsent(one.path("title").asString(""), any -> new java.util.concurrent.atomic.AtomicInteger())
				.incrementAndGet();
		}
	}

	/** How many successful translation answers were sent for each article title (the titles the requests carried,
	 * each article of a shared request counted). */
	public Map<String, Integer> answeredTitles() {
		Map<String, Integer> copy = new java.util.TreeMap<>();
		answered.forEach((title, count) -> copy.put(title, count.get()));
		return copy;
	}

	/** Requests whose article has this title fail with this status and body, every time, until {@link #reset()}. */
	public FakeLlmServer failFor(String title, int status, String body) {
		return failFor(title, Reply.status(status, body));
	}

	/** Requests whose article has this title get this reply, every time, until {@link #reset()}. */
	public FakeLlmServer failFor(String title, Reply reply) {
		failingTitles.put(title, reply);
		return this;
	}

	/** Every request from now on, model listings included, fails with this status and body. */
	public FakeLlmServer failWith(int status, String body) {
		this.failure = new Failure(status, body);
		return this;
	}

	/** Every chat request from now on gets this reply (model listings still answer): a provider that is down. */
	public FakeLlmServer failChatsWith(Reply reply) {
		this.chatFailure = reply;
		return this;
	}

	/** The next chat requests get these replies, in order; after them, the normal answer again. */
	public FakeLlmServer thenReply(Reply... replies) {
		script.addAll(List.of(replies));
		return this;
	}

	/** Stop failing, forget scripted replies, answer normally at once. */
	public FakeLlmServer reset() {
		batches.reset();
		failure = null;
		chatFailure = null;
		flakiness = 0;
		failingTitles.clear();
		failureAfterSuccesses = null;
		successesLeft.set(-1);
		contextTokens = Integer.MAX_VALUE;
		script.clear();
		latency = Duration.ZERO;
		answerer = FakeLlmServer::translate;
		return release();
	}

	/** Every request received so far, model listings included (chat bodies only while recording). */
	public synchronized List<Recorded> requests() {
		return List.copyOf(requests);
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
		if (article.has("notes")) {
			return Map.of("summary", "This short summary tells the whole story in English.");
		}
		if (article.has("articles")) {
			// several articles' new paragraphs in one request (the translation memory's): each answered alike
			List<Object> answers = new ArrayList<>();
			article.get("articles").forEach(one -> answers.add(translate(one)));
			return Map.of("articles", answers);
		}
		List<String> paragraphs = new ArrayList<>();
		int index = 0;
		for (JsonNode paragraph : article.get("paragraphs")) {
			String french = paragraph.asString();
			// as long as the source, give or take, so that answers fill a context window like real ones
			String rest = " The report goes on in English.".repeat(Math.max(0, french.split("\\s+").length - 15) / 6);
			paragraphs.add(english("This is the English translation of paragraph " + ++index + " of the story", french)
					+ rest);
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

	/** Stops the server, releasing whatever it held; fails if a held request had to wait out the hold limit. */
	@Override
	public void close() {
		release();
		server.stop(0);
		synchronized (gate) {
			if (holdExpired != null) {
				throw new IllegalStateException(holdExpired);
			}
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String path = exchange.getRequestURI().getPath();
			Recorded recorded = new Recorded(exchange.getRequestMethod(), path, recording ? body : "",
					exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime());
			if (recording || !recorded.isChat()) {
				synchronized (this) {
					requests.add(recorded);
				}
			}
			if (!recorded.isChat()) {
				answer(exchange, path, body);
				return;
			}
			int nowInFlight = inFlight.incrementAndGet();
			mostInFlight.accumulateAndGet(nowInFlight, Math::max);
			if (nowInFlight > refuseAbove) {
				// a provider's concurrency limit: the call over it is refused at once
				refused.incrementAndGet();
				inFlight.decrementAndGet();
				send(exchange, 429, "{\"error\":{\"message\":\"Too many concurrent requests\",\"code\":\"rate_limit_exceeded\"}}");
				return;
			}
			// out of flight just before the answer goes out, not after: the client may send its next request at once
			java.util.concurrent.atomic.AtomicBoolean landed = new java.util.concurrent.atomic.AtomicBoolean();
			Runnable answering = () -> {
				if (landed.compareAndSet(false, true)) {
					inFlight.decrementAndGet();
				}
			};
			exchange.setAttribute(ANSWERING, answering);
			synchronized (gate) {
				chatCount.incrementAndGet();
				gate.notifyAll();
			}
			try {
				waitAtGate();
				answer(exchange, path, body);
			}
			finally {
				answering.run();
			}
		}
	}

	/** While holding, a chat request waits here until the test releases it (or the hold limit passes). */
	private void waitAtGate() {
		synchronized (gate) {
			if (answersBeforeHolding < 0) {
				return;
			}
			if (answersBeforeHolding > 0) {
				answersBeforeHolding--;
				return;
			}
			long ticket = heldTickets++;
			gate.notifyAll();
			long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
			try {
				while (ticket >= releasedTickets) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						holdExpired = "the fake provider held a chat request for " + HOLD_LIMIT.toSeconds()
								+ " s and the test never released it; it answered every held request then";
						System.err.println("FakeLlmServer: " + holdExpired);
						answersBeforeHolding = -1;
						releasedTickets = heldTickets;
						gate.notifyAll();
						return;
					}
					java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(gate, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Waits until more chat requests than this have arrived; false at the hold limit. */
	private boolean awaitChatCountAbove(long count) throws InterruptedException {
		long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
		synchronized (gate) {
			while (chatCount.get() <= count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(gate, left);
			}
		}
		return true;
	}

	private void answer(HttpExchange exchange, String path, String body) throws IOException {
		Failure failing = failure;
		if (failing != null) {
			send(exchange, failing.status(), failing.body());
			return;
		}
		switch (path) {
			// Anthropic's client says which API version it speaks; its listing has another shape
			case "/v1/models" -> send(exchange, 200, exchange.getRequestHeaders().containsKey("anthropic-version")
					? "{\"data\":[{\"type\":\"model\",\"id\":\"" + MODEL + "\",\"display_name\":\"Fake translator\","
							+ "\"created_at\":\"2026-01-01T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"" + MODEL
							+ "\",\"last_id\":\"" + MODEL + "\"}"
					: "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"test\"}]}");
			case "/api/tags" -> send(exchange, 200, "{\"models\":[{\"name\":\"" + MODEL + ":latest\",\"model\":\"" + MODEL
					+ ":latest\",\"size\":1,\"digest\":\"0\",\"details\":{}}]}");
			case "/v1/chat/completions", "/api/chat", "/v1/messages" -> answerChat(exchange, Api.of(path), body);
			default -> {
				boolean handled;
				try {
					handled = batches.answer(exchange, path, body);
				}
				catch (RuntimeException | IOException ex) {
					// a fake that breaks must say why, or the client only sees a dropped connection
					ex.printStackTrace();
					throw ex;
				}
				if (!handled) {
					send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
				}
			}
		}
	}

	/** The provider batch APIs (OpenAI's and Anthropic's) this server also answers. */
	public FakeBatches batches() {
		return batches;
	}

	private final FakeBatches batches = new FakeBatches(this);

	/** A chat completion for this request body, as the normal answer would be; for batch items. */
	String chatCompletionFor(String requestBody) throws IOException {
		String content = answerFor(requestBody);
		countAnswered(articleIn(JSON.readTree(requestBody)));
		return openAiCompletion(requestBody, content, "stop");
	}

	/** An Anthropic Messages answer to this request body (its answer is the content's text, as JSON). */
	String anthropicMessageFor(String requestBody) throws IOException {
		String content = answerFor(requestBody);
		countAnswered(articleIn(JSON.readTree(requestBody)));
		return anthropicMessage(requestBody, content, "end_turn");
	}

	private static String anthropicMessage(String requestBody, String content, String stopReason) {
		ObjectNode message = JSON.createObjectNode().put("id", "msg_fake").put("type", "message").put("role", "assistant")
			.put("model", MODEL);
		ArrayNode blocks = message.putArray("content");
		if (content != null) {
			blocks.addObject().put("type", "text").put("text", content);
		}
		message.put("stop_reason", stopReason).putNull("stop_sequence");
		message.putObject("usage").put("input_tokens", promptTokens(requestBody))
			.put("output_tokens", content == null ? 1 : tokens(content));
		return JSON.writeValueAsString(message);
	}

	/**
	 * A chat request on any of the three APIs: a scripted or failing reply if there is one, else the
	 * answer in that API's shape, cut off (with that API's finish reason) where the context window fills.
	 */
	private void answerChat(HttpExchange exchange, Api api, String body) throws IOException {
		Reply scripted = script.poll();
		double draw = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
		if (scripted == null && draw < flakiness) {
			scripted = draw < flakiness / 2 ? Reply.tooManyRequests("retry-after", "1") : Reply.overloaded();
		}
		JsonNode request = JSON.readTree(body);
		String title = articleIn(request).path("title").asString("");
		if (scripted == null) {
			scripted = failingTitles.get(title);
		}
		Reply afterSuccesses = failureAfterSuccesses;
		if (scripted == null && afterSuccesses != null && successesLeft.getAndDecrement() <= 0) {
			scripted = afterSuccesses;
		}
		if (scripted == null) {
			scripted = chatFailure;
		}
		int prompt = promptTokens(request);
		promptTokenTotal.addAndGet(prompt);
		largestRequest.accumulateAndGet(prompt, Math::max);
		if (scripted != null) {
			scripted.send(exchange, api, body);
			return;
		}
		// Ollama is no exception: it silently drops the start of a prompt longer than its window
		if (prompt > contextTokens && api != Api.OLLAMA) {
			Reply.contextTooLong(contextTokens, prompt).send(exchange, api, body);
			return;
		}
		String content = answerFor(body);
		boolean cutOff = false;
		if (contextTokens != Integer.MAX_VALUE) {
			List<Integer> tokens = TOKENIZER.encodeOrdinary(content).boxed();
			int room = contextTokens - prompt;
			if (tokens.size() > room) {
				// the window filled up mid-answer: what came out so far, cut off
				com.knuddels.jtokkit.api.IntArrayList kept = new com.knuddels.jtokkit.api.IntArrayList();
				tokens.subList(0, Math.max(room, 0)).forEach(kept::add);
				content = TOKENIZER.decode(kept);
				cutOff = true;
			}
		}
		// counted before it goes out, so that the count is complete once the client has it
		countAnswered(articleIn(request));
		send(exchange, 200, success(api, body, content, cutOff));
	}

	/** A successful answer carrying this content, as this API writes one. */
	private static String success(Api api, String requestBody, String content, boolean cutOff) {
		return switch (api) {
			case OPENAI -> openAiCompletion(requestBody, content, cutOff ? "length" : "stop");
			case OLLAMA -> ollamaChat(requestBody, content, cutOff ? "length" : "stop");
			case ANTHROPIC -> anthropicMessage(requestBody, content, cutOff ? "max_tokens" : "end_turn");
		};
	}

	/** The tokens of the messages' text, as the model would count them (cl100k, no margin). */
	private static int promptTokens(String requestBody) {
		return promptTokens(JSON.readTree(requestBody));
	}

	private static int promptTokens(JsonNode request) {
		int total = 0;
		for (JsonNode message : request.get("messages")) {
			JsonNode content = message.get("content");
			total += 4 + TOKENIZER.countTokensOrdinary(content.isString() ? content.asString() : content.toString());
		}
		return total;
	}

	private static String openAiCompletion(String requestBody, String content, String finishReason) {
		ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
		message.putNull("refusal");
		ObjectNode choice = JSON.createObjectNode().put("index", 0).put("finish_reason", finishReason);
		choice.set("message", message);
		ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
			.put("created", 1_700_000_000L).put("model", MODEL);
		response.putArray("choices").add(choice);
		int prompt = promptTokens(requestBody);
		int completion = tokens(content);
		response.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
			.put("total_tokens", prompt + completion);
		return JSON.writeValueAsString(response);
	}

	private static String ollamaChat(String requestBody, String content, String doneReason) {
		ObjectNode response = JSON.createObjectNode().put("model", MODEL).put("created_at", "2026-11-23T00:00:00Z");
		response.putObject("message").put("role", "assistant").put("content", content);
		response.put("done", true).put("done_reason", doneReason).put("prompt_eval_count", promptTokens(requestBody))
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
		// the first JSON object of the message: a client may append format instructions after it (Anthropic's does)
		try (tools.jackson.core.JsonParser parser = FIRST_VALUE.createParser(user.substring(user.indexOf('{')))) {
			return FIRST_VALUE.readTree(parser);
		}
	}

	private static int tokens(String text) {
		return Math.max(1, TOKENIZER.countTokensOrdinary(text));
	}

	private void sleep() {
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The three chat APIs the server speaks, told apart by the path a request comes to. */
	public enum Api {

		/** OpenAI's chat completions, {@code /v1/chat/completions} (and every OpenAI-compatible server). */
		OPENAI,

		/** Ollama's {@code /api/chat}. */
		OLLAMA,

		/** Anthropic's Messages, {@code /v1/messages}. */
		ANTHROPIC;

		static Api of(String path) {
			return switch (path) {
				case "/api/chat" -> OLLAMA;
				case "/v1/messages" -> ANTHROPIC;
				default -> OPENAI;
			};
		}

		/** Local Ollama has no keys, accounts or quotas: the failures that come from them do not exist there. */
		public boolean hasAccounts() {
			return this != OLLAMA;
		}

	}

	/**
	 * A scripted reply to one chat request. The named failures come in the shape of the API the request
	 * came to, as that provider sends them (see /work/shared/PROVIDERS.md): status, error body, headers.
	 */
	@FunctionalInterface
	public interface Reply {

		void send(HttpExchange exchange, Api api, String requestBody) throws IOException;

		/** This status, body and headers such as {@code retry-after}, whatever the API. */
		static Reply status(int status, String body, String... headerNamesAndValues) {
			return (exchange, api, request) -> {
				headers(exchange, headerNamesAndValues);
				FakeLlmServer.send(exchange, status, body);
			};
		}

		/**
		 * "Too many requests, come back later", with these headers: OpenAI's 429 {@code rate_limit_exceeded},
		 * Anthropic's 429 {@code rate_limit_error}, Ollama's 503 when its queue is full.
		 */
		static Reply tooManyRequests(String... headerNamesAndValues) {
			return (exchange, api, request) -> {
				headers(exchange, headerNamesAndValues);
				switch (api) {
					case OPENAI -> FakeLlmServer.send(exchange, 429, openAiError("Rate limit reached for requests. "
							+ "Please try again in 1s.", "requests", "rate_limit_exceeded"));
					case ANTHROPIC -> FakeLlmServer.send(exchange, 429, anthropicError("rate_limit_error",
							"Number of request tokens has exceeded your per-minute rate limit"));
					case OLLAMA -> FakeLlmServer.send(exchange, 503, OLLAMA_QUEUE_FULL);
				}
			};
		}

		/** Overloaded: OpenAI's 503 {@code server_is_overloaded}, Anthropic's 529 {@code overloaded_error}, Ollama's full queue. */
		static Reply overloaded() {
			return (exchange, api, request) -> {
				switch (api) {
					case OPENAI -> FakeLlmServer.send(exchange, 503, openAiError("The server is overloaded or not ready yet.",
							"server_is_overloaded", null));
					case ANTHROPIC -> FakeLlmServer.send(exchange, 529, anthropicError("overloaded_error", "Overloaded"));
					case OLLAMA -> FakeLlmServer.send(exchange, 503, OLLAMA_QUEUE_FULL);
				}
			};
		}

		/** A 500: OpenAI's {@code server_error}, Anthropic's {@code api_error}, Ollama's crashed runner. */
		static Reply serverError() {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, 500, switch (api) {
				case OPENAI -> openAiError("The server had an error while processing your request.", "server_error", null);
				case ANTHROPIC -> anthropicError("api_error", "Internal server error");
				case OLLAMA -> "{\"error\":\"llama runner process has terminated: signal: killed\"}";
			});
		}

		/**
		 * The account has no credit left: OpenAI's 429 {@code insufficient_quota}, Anthropic's 400 "credit
		 * balance is too low". Ollama has no accounts ({@link Api#hasAccounts()}).
		 */
		static Reply quotaUsedUp() {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, switch (api) {
				case OPENAI -> 429;
				case ANTHROPIC -> 400;
				case OLLAMA -> throw new IllegalStateException("Ollama has no quota to use up");
			}, switch (api) {
				case OPENAI -> openAiError("You exceeded your current quota, please check your plan and billing details.",
						"insufficient_quota", "insufficient_quota");
				default -> anthropicError("invalid_request_error", "Your credit balance is too low to access the "
						+ "Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.");
			});
		}

		/** The key is refused: OpenAI's 401 {@code invalid_api_key}, Anthropic's 401 {@code authentication_error}. */
		static Reply keyRefused() {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, 401, switch (api) {
				case OPENAI -> openAiError("Incorrect API key provided: sk-test. You can find your API key at "
						+ "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
				case ANTHROPIC -> anthropicError("authentication_error", "invalid x-api-key");
				case OLLAMA -> throw new IllegalStateException("Ollama has no keys to refuse");
			});
		}

		/** The model is unknown: a 404 in each API's words (Ollama's tells you to pull it). */
		static Reply modelUnknown() {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, 404, switch (api) {
				case OPENAI -> openAiError("The model `" + MODEL + "` does not exist or you do not have access to it.",
						"invalid_request_error", "model_not_found");
				case ANTHROPIC -> anthropicError("not_found_error", "model: " + MODEL);
				case OLLAMA -> "{\"error\":\"model \\\"" + MODEL + "\\\" not found, try pulling it first\"}";
			});
		}

		/**
		 * The prompt does not fit the window: OpenAI's 400 {@code context_length_exceeded}, Anthropic's
		 * "prompt is too long". Ollama says nothing and drops the start of the prompt.
		 */
		static Reply contextTooLong(int window, int prompt) {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, 400, switch (api) {
				case OPENAI -> openAiError("This model's maximum context length is " + window + " tokens. However, your "
						+ "messages resulted in " + prompt + " tokens. Please reduce the length of the messages.",
						"invalid_request_error", "context_length_exceeded");
				case ANTHROPIC -> anthropicError("invalid_request_error", "prompt is too long: " + prompt + " tokens > "
						+ window + " maximum");
				case OLLAMA -> throw new IllegalStateException("Ollama does not refuse a long prompt");
			});
		}

		/** The connection is closed without an answer, as a reset or a crashed proxy would. */
		static Reply dropConnection() {
			return (exchange, api, request) -> exchange.getHttpContext().getServer();
		}

		/**
		 * A 200 whose answer is this text; a finish reason of {@code length} is the API's own word for an
		 * answer cut off at the limit ({@code finish_reason: length}, {@code stop_reason: max_tokens},
		 * {@code done_reason: length}).
		 */
		static Reply content(String content, String finishReason) {
			return (exchange, api, request) -> FakeLlmServer.send(exchange, 200,
					success(api, request, content, "length".equals(finishReason)));
		}

		/**
		 * The model declines: OpenAI's {@code refusal} instead of content, Anthropic's {@code stop_reason:
		 * refusal} with no content; a local model only says so in words.
		 */
		static Reply refusal(String text) {
			return (exchange, api, request) -> {
				switch (api) {
					case OPENAI -> {
						ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("refusal", text);
						message.putNull("content");
						ObjectNode choice = JSON.createObjectNode().put("index", 0).put("finish_reason", "stop");
						choice.set("message", message);
						ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
							.put("created", 1_700_000_000L).put("model", MODEL);
						response.putArray("choices").add(choice);
						response.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
						FakeLlmServer.send(exchange, 200, JSON.writeValueAsString(response));
					}
					case ANTHROPIC -> FakeLlmServer.send(exchange, 200, anthropicMessage(request, null, "refusal"));
					case OLLAMA -> FakeLlmServer.send(exchange, 200, ollamaChat(request, text, "stop"));
				}
			};
		}

		/**
		 * No answer at all, as from a provider that hangs, until the client has given up: the connection
		 * stays open and silent until the next chat request arrives (the client's retry), then closes. So
		 * the client's timeout fires however slow the machine, and no sleep is raced against it.
		 */
		static Reply noAnswer() {
			return (exchange, api, request) -> {
				FakeLlmServer fake = (FakeLlmServer) exchange.getHttpContext().getAttributes().get(FakeLlmServer.class.getName());
				long received = fake.chatCount();
				try {
					if (!fake.awaitChatCountAbove(received)) {
						System.err.println("FakeLlmServer: no retry came after an unanswered request; closing it");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			};
		}

		private static void headers(HttpExchange exchange, String... namesAndValues) {
			for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
				exchange.getResponseHeaders().set(namesAndValues[i], namesAndValues[i + 1]);
			}
		}

	}

	private static final String OLLAMA_QUEUE_FULL = "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}";

	private static String openAiError(String message, String type, String code) {
		ObjectNode error = JSON.createObjectNode();
		error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
		return JSON.writeValueAsString(error);
	}

	private static String anthropicError(String type, String message) {
		ObjectNode error = JSON.createObjectNode().put("type", "error");
		error.putObject("error").put("type", type).put("message", message);
		return JSON.writeValueAsString(error);
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		if (exchange.getAttribute(ANSWERING) instanceof Runnable answering) {
			answering.run();
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** One request the server received. */
	public record Recorded(String method, String path, String body, String authorization, long receivedNanos) {

		/** How long after the earlier request this one arrived, on the monotonic clock (the wall clock may be set). */
		public Duration after(Recorded earlier) {
			return Duration.ofNanos(receivedNanos - earlier.receivedNanos);
		}

		boolean isChat() {
			return path.endsWith("/chat/completions") || path.equals("/api/chat") || path.equals("/v1/messages");
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
