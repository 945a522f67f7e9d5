import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A mock OpenAI-compatible {@code POST /v1/chat/completions} (streaming SSE only) for the agent benchmarks.
 * Each request waits the first-token delay (settable between runs), then sends a few content deltas, a stop chunk, usage and
 * {@code [DONE]}. It records, keyed by the last user message's text, the {@link System#nanoTime()} at which the
 * request arrived and at which the first delta was flushed; the benchmark runs in the same JVM, so these instants
 * compare directly with its own. One handler thread per request (cached pool); {@link #close} stops it.
 */
final class MockChatServer implements AutoCloseable {
    /** When one request arrived and when its first token left, in {@code System.nanoTime()} units. */
    record Timing(long receivedNanos, long firstTokenNanos) {}

    static final String[] DELTAS = {"Sure", ", I can", " help with", " that."};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private volatile long firstTokenDelayMs;
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();

    MockChatServer(long firstTokenDelayMs) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle delay on the small SSE writes
        this.firstTokenDelayMs = firstTokenDelayMs;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Sets the first-token delay of requests that arrive from now on. */
    void firstTokenDelay(long millis) {
        firstTokenDelayMs = millis;
    }

    /** Base URL ending in {@code /v1}, as the OpenAI provider takes it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The timing of the request whose last user message was exactly {@code userText}, or null. */
    Timing timingOf(String userText) {
        return timings.get(userText);
    }

    int requests() {
        return timings.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        try (ex) {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            String key = lastUserText(body);
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            Thread.sleep(firstTokenDelayMs);
            send(out, "{\"id\":\"mock\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\""
                    + DELTAS[0] + "\"}}]}");
            long first = System.nanoTime();
            if (key != null) timings.put(key, new Timing(received, first));
            for (int i = 1; i < DELTAS.length; i++) {
                send(out, "{\"id\":\"mock\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + DELTAS[i] + "\"}}]}");
            }
            send(out, "{\"id\":\"mock\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            send(out, "{\"id\":\"mock\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6,\"total_tokens\":26}}");
            send(out, "[DONE]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the server cancelled the stream; nothing to record
        }
    }

    private static String lastUserText(JsonNode body) {
        String text = null;
        for (JsonNode m : body.path("messages")) {
            if (!"user".equals(m.path("role").asText())) continue;
            JsonNode c = m.path("content");
            if (c.isTextual()) text = c.asText();
            else if (c.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : c) sb.append(part.path("text").asText(""));
                text = sb.toString();
            }
        }
        return text;
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
