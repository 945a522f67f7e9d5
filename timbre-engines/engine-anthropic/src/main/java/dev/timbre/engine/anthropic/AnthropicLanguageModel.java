package dev.timbre.engine.anthropic;

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
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ServerSentEvents;
import dev.timbre.engine.HttpChatStream;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A language model on Anthropic's Messages API ({@code POST {base}/v1/messages}, {@code x-api-key},
 * {@code anthropic-version: 2023-06-01}, {@code stream: true}). System messages go to the top-level {@code system}
 * field; assistant tool calls become {@code tool_use} blocks and tool messages {@code tool_result} blocks of a user
 * message (consecutive same-role messages are merged, as the API requires alternation). The SSE events
 * {@code content_block_delta} ({@code text_delta} → text, {@code input_json_delta} → tool arguments),
 * {@code content_block_stop} (a finished {@code tool_use} → {@link ToolCall}), {@code message_delta} (stop reason,
 * output tokens) and {@code message_stop} drive the listener; an {@code error} event fails the request.
 * Nothing is sent anywhere unless this provider is configured.
 */
public final class AnthropicLanguageModel implements LanguageModel {
    public static final String PROVIDER = "anthropic";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String VERSION = "2023-06-01";
    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong THREADS = new AtomicLong();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl null for {@value #DEFAULT_BASE_URL}; {@code /v1/messages} is appended unless present
     * @param apiKey sent as {@code x-api-key}
     * @param model e.g. {@code claude-sonnet-4-5}
     * @param headers extra request headers (e.g. {@code anthropic-beta}); may be null
     * @param timeout how long to wait for the response headers; null means 60 s
     */
    public AnthropicLanguageModel(String baseUrl, String apiKey, String model, Map<String, String> headers, Duration timeout) {
        this.endpoint = endpoint(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.model = Objects.requireNonNull(model, "model").strip();
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static URI endpoint(String baseUrl) {
        String u = baseUrl.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("Anthropic URL must be http:// or https://, got '" + baseUrl + "'");
        }
        if (!u.endsWith("/messages")) u += u.endsWith("/v1") ? "/messages" : "/v1/messages";
        return URI.create(u);
    }

    public URI endpoint() { return endpoint; }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "Anthropic Messages API at " + endpoint + " (model " + model + ")",
                new EngineCapabilities(Set.of(), true, false, false));
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        String system = request.systemPrompt();
        if (!system.isEmpty()) body.put("system", system);
        ArrayNode messages = body.putArray("messages");
        String lastRole = null;
        ArrayNode content = null;
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) continue;
            String role = m.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
            if (!role.equals(lastRole)) {
                ObjectNode msg = messages.addObject();
                msg.put("role", role);
                content = msg.putArray("content");
                lastRole = role;
            }
            if (m.role() == ChatMessage.Role.TOOL) {
                content.addObject().put("type", "tool_result").put("tool_use_id", m.toolCallId()).put("content", m.content());
                continue;
            }
            if (!m.content().isEmpty()) content.addObject().put("type", "text").put("text", m.content());
            for (ToolCall c : m.toolCalls()) {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
                try {
                    use.set("input", JSON.readTree(c.argumentsJson()));
                } catch (IOException e) {
                    use.putObject("input");
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode o = tools.addObject().put("name", t.name());
                if (!t.description().isEmpty()) o.put("description", t.description());
                o.set("input_schema", JSON.valueToTree(t.parameters()));
            }
        }
        if (request.temperature() != null) body.put("temperature", request.temperature());
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
                .header("anthropic-version", VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (apiKey != null) b.header("x-api-key", apiKey);
        headers.forEach(b::header);
        return new Stream(b.build(), listener).start("anthropic-chat-" + THREADS.incrementAndGet());
    }

    private final class Stream extends HttpChatStream {
        Stream(HttpRequest request, ChatListener listener) {
            super(http, request, "Anthropic at " + endpoint, listener);
        }

        @Override
        protected void read(InputStream in) throws Exception {
            Map<Integer, ToolUse> blocks = new HashMap<>();
            int[] input = {0};
            int[] output = {0};
            FinishReason[] finish = {null};
            boolean[] stopped = {false};
            try {
                ServerSentEvents.read(in, event -> {
                    JsonNode e = JSON.readTree(event.data());
                    String type = e.path("type").asText(event.event() == null ? "" : event.event());
                    switch (type) {
                        case "message_start" -> {
                            JsonNode u = e.path("message").path("usage");
                            input[0] = u.path("input_tokens").asInt();
                            output[0] = u.path("output_tokens").asInt();
                        }
                        case "content_block_start" -> {
                            JsonNode block = e.path("content_block");
                            if (block.path("type").asText().equals("tool_use")) {
                                blocks.put(e.path("index").asInt(), new ToolUse(block.path("id").asText(), block.path("name").asText()));
                            } else if (block.path("type").asText().equals("text")) {
                                emitText(block.path("text").asText(""));
                            }
                        }
                        case "content_block_delta" -> {
                            JsonNode d = e.path("delta");
                            switch (d.path("type").asText()) {
                                case "text_delta" -> emitText(d.path("text").asText(""));
                                case "input_json_delta" -> {
                                    ToolUse t = blocks.get(e.path("index").asInt());
                                    if (t != null) t.json.append(d.path("partial_json").asText(""));
                                }
                                default -> { }
                            }
                        }
                        case "content_block_stop" -> {
                            ToolUse t = blocks.remove(e.path("index").asInt());
                            if (t != null) emitToolCall(new ToolCall(t.id, t.name, t.json.toString()));
                        }
                        case "message_delta" -> {
                            JsonNode sr = e.path("delta").get("stop_reason");
                            if (sr != null && sr.isTextual()) finish[0] = stopReason(sr.asText());
                            JsonNode u = e.path("usage");
                            if (u.has("output_tokens")) output[0] = u.path("output_tokens").asInt();
                            if (u.has("input_tokens")) input[0] = u.path("input_tokens").asInt();
                        }
                        case "message_stop" -> { stopped[0] = true; return false; }
                        case "error" -> {
                            JsonNode err = e.path("error");
                            String et = err.path("type").asText();
                            throw new EngineException("Anthropic error " + et + ": " + err.path("message").asText(), null,
                                    et.equals("overloaded_error") || et.equals("api_error") || et.equals("rate_limit_error"));
                        }
                        default -> { }
                    }
                    return true;
                });
            } catch (IOException e) {
                if (cancelled()) return;
                throw new EngineException("Anthropic stream broke: " + e.getMessage(), e, true);
            }
            if (cancelled()) return;
            if (!stopped[0]) throw new EngineException("Anthropic stream ended early", null, true);
            emitEnd(finish[0] != null ? finish[0] : FinishReason.STOP, new TokenUsage(input[0], output[0]));
        }
    }

    static FinishReason stopReason(String s) {
        return switch (s) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    private static final class ToolUse {
        final String id;
        final String name;
        final StringBuilder json = new StringBuilder();

        ToolUse(String id, String name) { this.id = id; this.name = name; }
    }
}
