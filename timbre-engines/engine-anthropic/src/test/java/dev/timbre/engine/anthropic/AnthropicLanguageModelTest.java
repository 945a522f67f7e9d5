package dev.timbre.engine.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatResult;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicLanguageModelTest {
    HttpServer server;
    volatile String script = "text";
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    void handle(HttpExchange ex) throws IOException {
        bodies.add(AnthropicLanguageModel.JSON.readTree(ex.getRequestBody().readAllBytes()));
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        if (script.equals("529")) {
            byte[] b = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(529, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            send(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
            send(out, "ping", "{\"type\":\"ping\"}");
            switch (script) {
                case "text" -> {
                    send(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"!\"}}");
                    send(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                    send(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":15}}");
                    send(out, "message_stop", "{\"type\":\"message_stop\"}");
                }
                case "tool" -> {
                    send(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking.\"}}");
                    send(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                    send(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \"}}");
                    send(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}");
                    send(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}");
                    send(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":40}}");
                    send(out, "message_stop", "{\"type\":\"message_stop\"}");
                }
                case "error" -> send(out, "error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
                default -> throw new IllegalStateException(script);
            }
        }
    }

    static void send(OutputStream out, String event, String data) throws IOException {
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    AnthropicLanguageModel model() {
        return new AnthropicLanguageModel("http://127.0.0.1:" + server.getAddress().getPort(), "ak-test", "claude-test", null, Duration.ofSeconds(5));
    }

    @Test
    void streamsTextWithHeadersAndSystemSeparated() throws Exception {
        List<String> deltas = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Object[] end = new Object[2];
        ChatRequest req = new ChatRequest(List.of(ChatMessage.system("You are Ada."), ChatMessage.user("Hi")), null, 0.3, null, Map.of("top_k", 5));
        try (ChatStream s = model().open(req, new ChatListener() {
            @Override public void text(String d) { deltas.add(d); }
            @Override public void end(FinishReason r, TokenUsage u) { end[0] = r; end[1] = u; done.countDown(); }
            @Override public void error(EngineException e) { done.countDown(); }
        })) {
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(deltas).containsExactly("Hello", "!");
        assertThat(end[0]).isEqualTo(FinishReason.STOP);
        assertThat(end[1]).isEqualTo(new TokenUsage(25, 15));
        JsonNode body = bodies.get(0);
        assertThat(body.path("system").asText()).isEqualTo("You are Ada.");
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("top_k").asInt()).isEqualTo(5);
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Hi");
        assertThat(headers.get(0).get("X-api-key")).containsExactly("ak-test");
        assertThat(headers.get(0).get("Anthropic-version")).containsExactly("2023-06-01");
    }

    @Test
    void assemblesToolUse() {
        script = "tool";
        ChatRequest req = ChatRequest.of(List.of(ChatMessage.user("Weather?")),
                List.of(new ToolSpec("get_weather", "Weather for a city", Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))));
        ChatResult r = model().complete(req);
        assertThat(r.text()).isEqualTo("Checking.");
        assertThat(r.toolCalls()).containsExactly(new ToolCall("toolu_1", "get_weather", "{\"city\": \"Paris\"}"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        JsonNode tool = bodies.get(0).path("tools").get(0);
        assertThat(tool.path("input_schema").path("properties").path("city").path("type").asText()).isEqualTo("string");
    }

    @Test
    void toolResultsBecomeToolResultBlocks() {
        ChatRequest req = ChatRequest.of(List.of(ChatMessage.user("Weather?"),
                ChatMessage.assistant("Checking.", List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("toolu_2", "get_time", "{}"))),
                ChatMessage.tool("toolu_1", "sunny"), ChatMessage.tool("toolu_2", "noon")));
        model().complete(req);
        JsonNode msgs = bodies.get(0).path("messages");
        assertThat(msgs).hasSize(3);
        JsonNode assistant = msgs.get(1).path("content");
        assertThat(assistant.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.get(1).path("input").path("city").asText()).isEqualTo("Paris");
        JsonNode results = msgs.get(2);
        assertThat(results.path("role").asText()).isEqualTo("user");
        assertThat(results.path("content")).hasSize(2);
        assertThat(results.path("content").get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.path("content").get(1).path("tool_use_id").asText()).isEqualTo("toolu_2");
    }

    @Test
    void errors() {
        script = "error";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("Overloaded");
        script = "529";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("529");
    }
}
