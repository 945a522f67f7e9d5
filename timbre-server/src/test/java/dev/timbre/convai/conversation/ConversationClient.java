package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A conversation socket client for tests (java.net.http): optional subprotocols and headers, every received frame
 * queued as JSON, the close as {@link Closed}. Pings are answered with pongs automatically, as the SDKs do, and kept.
 * Waits are generous timeouts, never expectations about speed.
 */
final class ConversationClient implements WebSocket.Listener, AutoCloseable {
    record Closed(int code, String reason) {}

    private static final long TIMEOUT_MS = 30_000;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final List<JsonNode> pings = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean answerPings = true;
    WebSocket ws;

    static ConversationClient open(int port, String pathAndQuery, Map<String, String> headers, String... subprotocols) {
        ConversationClient c = new ConversationClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (subprotocols.length > 0) b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        try {
            c.ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), c).join();
        } catch (CompletionException e) {
            throw new AssertionError("could not connect: " + e.getCause(), e);
        }
        return c;
    }

    void send(Object message) {
        ws.sendText(message instanceof String s ? s : Json.write(message), true).join();
    }

    void sendJson(String singleQuoted) {
        send(singleQuoted.replace('\'', '"'));
    }

    Object next() {
        try {
            Object e = events.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (e == null) throw new AssertionError("nothing received within " + TIMEOUT_MS + " ms");
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next message that is not a ping; fails on a close. */
    JsonNode message() {
        Object e = next();
        if (e instanceof Closed c) throw new AssertionError("closed instead: " + c);
        return (JsonNode) e;
    }

    /** Messages (pings left out) up to and including the first of {@code type}. */
    List<JsonNode> until(String type) {
        return until(m -> m.path("type").asText().equals(type));
    }

    List<JsonNode> until(Predicate<JsonNode> last) {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            JsonNode m = message();
            out.add(m);
            if (last.test(m)) return out;
        }
    }

    /** Every message until the close, then the close. */
    Closed closeAfter(List<JsonNode> into) {
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
                if (m.path("type").asText().equals("ping")) {
                    pings.add(m);
                    if (answerPings) webSocket.sendText(Json.write(Map.of("type", "pong", "event_id", m.path("ping_event").path("event_id").asInt())), true);
                } else {
                    events.add(m);
                }
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
