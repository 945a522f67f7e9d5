package dev.timbre.convai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A JDK {@code HttpServer} that speaks OpenAI's streamed chat completions ({@code /v1/chat/completions}) and
 * Anthropic's streamed Messages API ({@code /v1/messages}); each reply is {@code reply}. {@code mode}: {@code ok},
 * {@code fail} (503) or {@code silent} (headers sent, then nothing until {@link #close}). Records requests.
 */
final class MockLlmServer implements AutoCloseable {
    final HttpServer server;
    final String reply;
    volatile String mode = "ok";
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    MockLlmServer(String reply) throws IOException {
        this.reply = reply;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", ex -> handle(ex, false));
        server.createContext("/v1/messages", ex -> handle(ex, true));
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    private void handle(HttpExchange ex, boolean anthropic) throws IOException {
        bodies.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        if (mode.equals("fail")) {
            byte[] b = "{\"error\":\"overloaded\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            if (mode.equals("silent")) {
                out.flush();
                closed.await();
            } else if (anthropic) {
                event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}");
                event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + Json.MAPPER.writeValueAsString(reply) + "}}");
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}");
                event(out, "message_stop", "{\"type\":\"message_stop\"}");
            } else {
                data(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + Json.MAPPER.writeValueAsString(reply) + "}}]}");
                data(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
                data(out, "[DONE]");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client went away (a cancelled request)
        } finally {
            ex.close();
        }
    }

    private static void data(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void event(OutputStream out, String name, String json) throws IOException {
        out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String header(int request, String name) {
        for (Map.Entry<String, List<String>> e : headers.get(request).entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
        }
        return null;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
