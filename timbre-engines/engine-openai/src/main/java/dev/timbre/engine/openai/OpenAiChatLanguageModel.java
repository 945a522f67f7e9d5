package dev.timbre.engine.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.ServiceEndpoint;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ServerSentEvents;
import dev.timbre.engine.HttpChatStream;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A language model on any server that speaks OpenAI's {@code POST /v1/chat/completions} with {@code stream: true}
 * (OpenAI, Groq, Together, SambaNova, Cloudflare Workers AI, vLLM, Ollama, LocalAI, an ElevenLabs-style custom LLM…).
 * Reads the SSE {@code data:} chunks up to {@code [DONE]}: {@code choices[0].delta.content} becomes text deltas;
 * {@code delta.tool_calls} fragments (by {@code index}: {@code id}, {@code function.name}, {@code function.arguments}
 * pieces) are assembled and reported as whole {@link ToolCall}s when the reply ends; {@code usage} when sent.
 * Failures are {@link EngineException}s, retryable for unreachable servers, timeouts, 408/429/5xx and broken streams.
 * Nothing is sent anywhere unless this provider is configured.
 */
public final class OpenAiChatLanguageModel implements LanguageModel {
    public static final String PROVIDER = "openai";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong THREADS = new AtomicLong();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpTransport transport;

    /**
     * @param baseUrl e.g. {@code https://api.groq.com/openai/v1} or {@code http://localhost:11434}: a URL ending in
     *        {@code /v1} gets {@code /chat/completions}, one ending in {@code /chat/completions} is used as is, any
     *        other gets {@code /v1/chat/completions}
     * @param apiKey sent as {@code Authorization: Bearer}; null or blank sends none
     * @param model the {@code model} field (may be null for servers that serve one model)
     * @param headers extra request headers (may be null)
     * @param timeout how long to wait for the response headers; null means 60 s
     */
    public OpenAiChatLanguageModel(String baseUrl, String apiKey, String model, Map<String, String> headers, Duration timeout) {
        this(baseUrl, apiKey, model, headers, timeout, null);
    }

    /**
     * As above, sending through {@code transport} (null: the JDK client, redirects followed), e.g. one that checks
     * where a user-configured URL connects.
     */
    public OpenAiChatLanguageModel(String baseUrl, String apiKey, String model, Map<String, String> headers, Duration timeout,
                                   HttpTransport transport) {
        this.endpoint = endpoint(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.model = model == null || model.isBlank() ? null : model.strip();
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        this.transport = transport != null ? transport : HttpTransport.of(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    static URI endpoint(String baseUrl) {
        return ServiceEndpoint.resolve(baseUrl, "/chat/completions", "language model");
    }

    public URI endpoint() { return endpoint; }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "OpenAI-compatible chat server at " + endpoint + (model == null ? "" : " (model " + model + ")"),
                new EngineCapabilities(Set.of(), true, false, false));
    }

    /** The JSON body sent for {@code request}. */
    ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        if (model != null) body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode o = messages.addObject();
            o.put("role", m.role().wireName());
            if (m.role() == ChatMessage.Role.ASSISTANT && !m.toolCalls().isEmpty()) {
                if (m.content().isEmpty()) o.putNull("content"); else o.put("content", m.content());
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : m.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    call.put("id", c.id());
                    call.put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
                }
            } else {
                o.put("content", m.content());
            }
            if (m.role() == ChatMessage.Role.TOOL) o.put("tool_call_id", m.toolCallId());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name());
                if (!t.description().isEmpty()) fn.put("description", t.description());
                fn.set("parameters", JSON.valueToTree(t.parameters()));
            }
        }
        if (request.temperature() != null) body.put("temperature", request.temperature());
        if (request.maxTokens() != null) body.put("max_tokens", request.maxTokens());
        for (Map.Entry<String, Object> e : request.extraBody().entrySet()) body.set(e.getKey(), JSON.valueToTree(e.getValue()));
        body.put("stream", true);
        return body;
    }

    @Override
    public ChatStream open(ChatRequest request, ChatListener listener) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(body(request));
        } catch (IOException e) {
            throw new EngineException("cannot encode chat request: " + e.getMessage(), e, false);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
        headers.forEach(b::header);
        return new Stream(b.build(), payload, listener).start("openai-chat-" + THREADS.incrementAndGet());
    }

    private final class Stream extends HttpChatStream {
        Stream(HttpRequest request, byte[] payload, ChatListener listener) {
            super(transport, request, payload, "language model at " + endpoint, listener);
        }

        @Override
        protected void read(InputStream in) throws Exception {
            Map<Integer, PartialCall> calls = new TreeMap<>();
            FinishReason[] finish = {null};
            TokenUsage[] usage = {null};
            boolean[] done = {false};
            try {
                ServerSentEvents.read(in, event -> {
                    String data = event.data().strip();
                    if (data.equals("[DONE]")) { done[0] = true; return false; }
                    if (data.isEmpty()) return true;
                    JsonNode chunk = JSON.readTree(data);
                    JsonNode error = chunk.get("error");
                    if (error != null && !error.isNull()) {
                        String msg = error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
                        throw new EngineException("language model error: " + msg, null, false);
                    }
                    JsonNode u = chunk.get("usage");
                    if (u != null && u.isObject()) usage[0] = new TokenUsage(u.path("prompt_tokens").asInt(), u.path("completion_tokens").asInt());
                    JsonNode choice = chunk.path("choices").path(0);
                    if (choice.isMissingNode()) return true;
                    JsonNode delta = choice.path("delta");
                    JsonNode content = delta.get("content");
                    if (content != null && content.isTextual()) emitText(content.asText());
                    for (JsonNode tc : delta.path("tool_calls")) {
                        int index = tc.path("index").asInt(calls.size());
                        PartialCall p = calls.computeIfAbsent(index, i -> new PartialCall());
                        if (tc.hasNonNull("id")) p.id = tc.get("id").asText();
                        JsonNode fn = tc.path("function");
                        if (fn.hasNonNull("name")) p.name.append(fn.get("name").asText());
                        if (fn.hasNonNull("arguments")) p.arguments.append(fn.get("arguments").asText());
                    }
                    JsonNode fr = choice.get("finish_reason");
                    if (fr != null && fr.isTextual()) finish[0] = finishReason(fr.asText());
                    return true;
                });
            } catch (IOException e) {
                if (cancelled()) return;
                throw new EngineException("language model stream broke: " + e.getMessage(), e, true);
            }
            if (cancelled()) return;
            if (!done[0] && finish[0] == null) throw new EngineException("language model stream ended early", null, true);
            int n = 0;
            for (PartialCall p : calls.values()) {
                n++;
                emitToolCall(new ToolCall(p.id != null ? p.id : "call_" + n, p.name.toString(), p.arguments.toString()));
            }
            FinishReason reason = finish[0] != null ? finish[0] : calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
            emitEnd(reason, usage[0]);
        }
    }

    static FinishReason finishReason(String s) {
        return switch (s) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static final class PartialCall {
        String id;
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();
    }

    /** Convenience for extra headers given as name/value pairs. */
    public static Map<String, String> headers(String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) m.put(nameValues[i], nameValues[i + 1]);
        return m;
    }
}
