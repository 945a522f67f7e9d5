package dev.timbre.engine.openai;

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

class OpenAiChatLanguageModelTest {
    HttpServer server;
    volatile String script = "text";
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    final CountDownLatch slowClosed = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    String base() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    void handle(HttpExchange ex) throws IOException {
        bodies.add(OpenAiChatLanguageModel.JSON.readTree(ex.getRequestBody().readAllBytes()));
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        if (script.equals("500")) {
            byte[] b = "{\"error\":\"overloaded\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        if (script.equals("401")) {
            byte[] b = "bad key".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(401, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            switch (script) {
                case "text" -> {
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there.\"}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
                    send(out, "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}");
                    send(out, "[DONE]");
                }
                case "tool" -> {
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me check... \"}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"function\":{\"name\":\"end_call\",\"arguments\":\"{}\"}}]}}]}");
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
                    send(out, "[DONE]");
                }
                case "sse-error" -> send(out, "{\"error\":\"model exploded\"}");
                case "truncated" -> send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}");
                case "slow" -> {
                    send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"one\"}}]}");
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(50);
                        send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" more\"}}]}");
                    }
                    send(out, "[DONE]");
                }
                default -> throw new IllegalStateException(script);
            }
        } catch (IOException | InterruptedException e) {
            slowClosed.countDown();
        } finally {
            try { out.close(); } catch (IOException ignored) { }
        }
    }

    static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    OpenAiChatLanguageModel model() {
        return new OpenAiChatLanguageModel(base(), "sk-test", "gpt-4o", Map.of("X-Extra", "yes"), Duration.ofSeconds(5));
    }

    @Test
    void endpointComposition() {
        assertThat(OpenAiChatLanguageModel.endpoint("https://api.groq.com/openai/v1").toString()).isEqualTo("https://api.groq.com/openai/v1/chat/completions");
        assertThat(OpenAiChatLanguageModel.endpoint("https://x/ai/v1/").toString()).isEqualTo("https://x/ai/v1/chat/completions");
        assertThat(OpenAiChatLanguageModel.endpoint("http://localhost:11434").toString()).isEqualTo("http://localhost:11434/v1/chat/completions");
        assertThat(OpenAiChatLanguageModel.endpoint("http://h/v1/chat/completions").toString()).isEqualTo("http://h/v1/chat/completions");
        assertThatThrownBy(() -> OpenAiChatLanguageModel.endpoint("ftp://h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamsTextAndSendsTheRequest() throws Exception {
        List<String> deltas = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        FinishReason[] reason = {null};
        TokenUsage[] usage = {null};
        ChatRequest req = new ChatRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")),
                List.of(new ToolSpec("end_call", "End the call", Map.of("type", "object", "properties", Map.of("reason", Map.of("type", "string")), "required", List.of("reason")))),
                0.5, 100, Map.of("elevenlabs_extra_body", Map.of("k", "v")));
        try (ChatStream s = model().open(req, new ChatListener() {
            @Override public void text(String d) { deltas.add(d); }
            @Override public void end(FinishReason r, TokenUsage u) { reason[0] = r; usage[0] = u; done.countDown(); }
            @Override public void error(EngineException e) { done.countDown(); }
        })) {
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(deltas).containsExactly("Hello", " there.");
        assertThat(reason[0]).isEqualTo(FinishReason.STOP);
        assertThat(usage[0]).isEqualTo(new TokenUsage(12, 3));
        JsonNode body = bodies.get(0);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.path("elevenlabs_extra_body").path("k").asText()).isEqualTo("v");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Hi");
        assertThat(body.path("tools").get(0).path("function").path("parameters").path("required").get(0).asText()).isEqualTo("reason");
        assertThat(headers.get(0).get("Authorization")).containsExactly("Bearer sk-test");
        assertThat(headers.get(0).get("X-extra")).containsExactly("yes");
    }

    @Test
    void assemblesSplitToolCalls() {
        script = "tool";
        ChatResult r = model().complete(ChatRequest.of(List.of(ChatMessage.user("Weather in Paris?"))));
        assertThat(r.text()).isEqualTo("Let me check... ");
        assertThat(r.toolCalls()).containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("call_2", "end_call", "{}"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void sendsToolHistory() {
        ChatRequest req = ChatRequest.of(List.of(ChatMessage.user("Weather?"),
                ChatMessage.assistant("", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                ChatMessage.tool("call_1", "sunny")));
        model().complete(req);
        JsonNode msgs = bodies.get(0).path("messages");
        assertThat(msgs.get(1).path("content").isNull()).isTrue();
        assertThat(msgs.get(1).path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(msgs.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(msgs.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
    }

    @Test
    void errorsAreEngineExceptions() {
        script = "500";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("503");
        script = "401";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isFalse()).hasMessageContaining("bad key");
        script = "sse-error";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x"))))).hasMessageContaining("model exploded");
        script = "truncated";
        assertThatThrownBy(() -> model().complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void unreachableIsRetryable() {
        OpenAiChatLanguageModel m = new OpenAiChatLanguageModel("http://127.0.0.1:1", null, null, null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> m.complete(ChatRequest.of(List.of(ChatMessage.user("x")))))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void closeCancels() throws Exception {
        script = "slow";
        CountDownLatch first = new CountDownLatch(1);
        List<String> after = new CopyOnWriteArrayList<>();
        boolean[] closed = {false};
        ChatStream s = model().open(ChatRequest.of(List.of(ChatMessage.user("x"))), new ChatListener() {
            @Override public void text(String d) { if (closed[0]) after.add(d); first.countDown(); }
            @Override public void end(FinishReason r, TokenUsage u) { if (closed[0]) after.add("end"); }
            @Override public void error(EngineException e) { if (closed[0]) after.add("error"); }
        });
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        s.close();
        closed[0] = true;
        assertThat(slowClosed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(after).isEmpty();
    }
}
