package dev.timbre.testing;

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
 * {@code fail} (503), {@code silent} (headers sent, then nothing until {@link #close}) or {@code script}: each
 * request takes the next entry of {@link #script}, an SSE body sent as is or {@code status:NNN} for that error (an
 * empty script answers 500). Records requests.
 */
public final class MockLlmServer implements AutoCloseable {
    final HttpServer server;
    final String reply;
    public volatile String mode = "ok";
    public final java.util.Deque<String> script = new java.util.concurrent.ConcurrentLinkedDeque<>();
    public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    public final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public MockLlmServer(String reply) throws IOException {
        this.reply = reply;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", ex -> handle(ex, false));
        server.createContext("/v1/messages", ex -> handle(ex, true));
        server.start();
    }

    public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    private void handle(HttpExchange ex, boolean anthropic) throws IOException {
        bodies.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        if (mode.equals("fail")) {
            respond(ex, 503, null, "{\"error\":\"overloaded\"}");
            return;
        }
        if (mode.equals("script")) {
            String next = script.poll();
            if (next == null || next.startsWith("status:")) {
                respond(ex, next == null ? 500 : Integer.parseInt(next.substring(7)), null, "{\"error\":{\"message\":\"overloaded\"}}");
            } else {
                respond(ex, 200, "text/event-stream", next);
            }
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

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static void data(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void event(OutputStream out, String name, String json) throws IOException {
        out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String header(int request, String name) {
        for (Map.Entry<String, List<String>> e : headers.get(request).entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
        }
        return null;
    }

    /** {@code chunks} (single quotes for double) as an OpenAI SSE body, {@code [DONE]} last. */
    public static String sse(String... chunks) {
        StringBuilder b = new StringBuilder();
        for (String c : chunks) b.append("data: ").append(c.replace('\'', '"')).append("\n\n");
        return b.append("data: [DONE]\n\n").toString();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
