package dev.timbre.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket test client (java.net.http): JSON text frames in, each received frame parsed and queued, the close
 * recorded as a {@link Closed} event. Waits are generous timeouts, never expectations about speed.
 */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {
    public record Closed(int code, String reason) {}

    private static final long TIMEOUT_S = 60;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.function.BiPredicate<WebSocket, JsonNode> intercept;
    private WebSocket ws;

    private TestSocket(java.util.function.BiPredicate<WebSocket, JsonNode> intercept) {
        this.intercept = intercept;
    }

    /** Opens {@code path} (with its query) on the server; {@code key} null sends no {@code xi-api-key} header. */
    public static TestSocket open(TestServer server, String path, String key) {
        return open(server.timbre().port(), path, key == null ? java.util.Map.of() : java.util.Map.of("xi-api-key", key), (w, m) -> false);
    }

    /**
     * Opens {@code pathAndQuery} on {@code 127.0.0.1:port} with {@code headers} and the offered {@code subprotocols}.
     * {@code intercept} sees each received message first (on the socket's thread) and returns true to keep it out of
     * the queue (e.g. to answer pings).
     */
    public static TestSocket open(int port, String pathAndQuery, java.util.Map<String, String> headers,
                                  java.util.function.BiPredicate<WebSocket, JsonNode> intercept, String... subprotocols) {
        TestSocket s = new TestSocket(intercept);
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (subprotocols.length > 0) b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        s.ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), s).join(); // a refused upgrade throws CompletionException
        return s;
    }

    /** The subprotocol the server selected; empty when none. */
    public String subprotocol() { return ws.getSubprotocol(); }

    public void send(Object message) {
        ws.sendText(message instanceof String str ? str : Json.write(message), true).join();
    }

    /** The next event: a received message ({@link JsonNode}) or the close ({@link Closed}); fails after the timeout. */
    public Object next() {
        Object e = poll(TIMEOUT_S * 1000);
        if (e == null) throw new AssertionError("no message within " + TIMEOUT_S + " s");
        return e;
    }

    /** The next event if one arrives within {@code millis}, else null. */
    public Object poll(long millis) {
        try {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode nextMessage() {
        Object e = next();
        if (e instanceof Closed c) throw new AssertionError("closed instead: " + c);
        return (JsonNode) e;
    }

    /** Messages up to and including the first for which {@code last} holds. */
    public List<JsonNode> messagesUntil(java.util.function.Predicate<JsonNode> last) {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            JsonNode m = nextMessage();
            out.add(m);
            if (last.test(m)) return out;
        }
    }

    /** Every message until the server closes, then the close. */
    public Closed messagesUntilClosed(List<JsonNode> into) {
        while (true) {
            Object e = next();
            if (e instanceof Closed c) return c;
            into.add((JsonNode) e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode m = Json.MAPPER.readTree(partial.toString());
                if (!intercept.test(webSocket, m)) events.add(m);
            } catch (IOException e) {
                events.add(new AssertionError("not JSON: " + partial));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Closed(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        ws.abort();
    }
}
