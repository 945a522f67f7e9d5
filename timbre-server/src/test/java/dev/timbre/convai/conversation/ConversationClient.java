package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.TestSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A conversation socket client for tests: a {@link TestSocket} that answers pings with pongs automatically, as the
 * SDKs do, and keeps them apart ({@link #pings}) so that the queue holds only the other events.
 */
final class ConversationClient implements AutoCloseable {
    final List<JsonNode> pings = new CopyOnWriteArrayList<>();
    volatile boolean answerPings = true;
    /** While set, the client reads nothing more (its socket's reader waits on this latch): a client that stopped reading. */
    volatile java.util.concurrent.CountDownLatch stalled;
    private TestSocket socket;

    static ConversationClient open(int port, String pathAndQuery, Map<String, String> headers, String... subprotocols) {
        ConversationClient c = new ConversationClient();
        c.socket = TestSocket.open(port, pathAndQuery, headers, (ws, m) -> {
            var stall = c.stalled;
            if (stall != null) {
                try {
                    stall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!m.path("type").asText().equals("ping")) return false;
            c.pings.add(m);
            if (c.answerPings) ws.sendText(Json.write(Map.of("type", "pong", "event_id", m.path("ping_event").path("event_id").asInt())), true);
            return true;
        }, subprotocols);
        return c;
    }

    String subprotocol() { return socket.subprotocol(); }

    void send(Object message) { socket.send(message); }

    void sendJson(String singleQuoted) { send(singleQuoted.replace('\'', '"')); }

    /** The next event: a message or the {@link TestSocket.Closed}. */
    Object next() { return socket.next(); }

    /** The next event within {@code millis}, or null. */
    Object poll(long millis) { return socket.poll(millis); }

    /** The next message that is not a ping; fails on a close. */
    JsonNode message() { return socket.nextMessage(); }

    /** Messages (pings left out) up to and including the first of {@code type}. */
    List<JsonNode> until(String type) { return until(m -> m.path("type").asText().equals(type)); }

    List<JsonNode> until(Predicate<JsonNode> last) { return socket.messagesUntil(last); }

    /** Every message until the close, then the close. */
    TestSocket.Closed closeAfter(List<JsonNode> into) { return socket.messagesUntilClosed(into); }

    @Override
    public void close() { socket.close(); }
}
