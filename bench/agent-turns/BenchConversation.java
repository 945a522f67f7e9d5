import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One agent conversation over {@code /v1/convai/conversation}, driven like the JS client: the initiation data, then
 * the metadata, then turns — {@code user_message}s ({@link #turn}, text-only) or {@code user_audio_chunk}s
 * ({@link #sendAudio}, voice; {@link VoiceCall} runs those turns); {@code ping}s are answered at once. Frames are
 * stamped with {@link System#nanoTime()} the moment they are complete. Not thread-safe: one thread runs {@link #open},
 * {@link #turn}, {@link #sendAudio} and {@link #poll}; the WebSocket's listener thread only queues frames and sends pongs.
 */
final class BenchConversation implements AutoCloseable {
    /** One turn as the client saw it, in nanoTime units. */
    record Turn(String text, long sentNanos, long firstPartNanos, long responseNanos) {}

    /** One server frame and when it was complete; a frame with {@code closed} stands for the socket's end. */
    record Frame(long atNanos, JsonNode json) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Object sendLock = new Object();
    private WebSocket socket;
    String conversationId;

    /** Connects as a text-only conversation, sends the initiation data and waits for the metadata. */
    void open(HttpClient http, String wsBase, String agentId) throws Exception {
        open(http, wsBase, agentId, true);
    }

    /** Connects, sends the initiation data (text only, or the agent's own mode) and waits for {@code conversation_initiation_metadata}. */
    void open(HttpClient http, String wsBase, String agentId, boolean textOnly) throws Exception {
        socket = http.newWebSocketBuilder().header("xi-api-key", BenchServer.KEY).subprotocols("convai")
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(wsBase + "/v1/convai/conversation?agent_id=" + agentId + "&source=bench"), new Listener())
                .get(30, TimeUnit.SECONDS);
        send("{\"type\":\"conversation_initiation_client_data\",\"conversation_config_override\":{\"agent\":{},\"tts\":{}"
                + (textOnly ? ",\"conversation\":{\"text_only\":true}" : "") + "},\"dynamic_variables\":{},\"source_info\":{\"source\":\"bench\"}}");
        Frame f = await("conversation_initiation_metadata", 30);
        conversationId = f.json.path("conversation_initiation_metadata_event").path("conversation_id").asText();
    }

    /**
     * Sends one {@code user_message} and waits for the agent's reply: the first {@code agent_chat_response_part}
     * (or the {@code agent_response} when the server sends no parts) and then the {@code agent_response}.
     */
    Turn turn(String text) throws Exception {
        frames.clear();
        ObjectNode msg = JSON.createObjectNode().put("type", "user_message").put("text", text);
        long sent = System.nanoTime();
        send(JSON.writeValueAsString(msg));
        long firstPart = 0;
        while (true) {
            Frame f = next(60);
            String type = f.json.path("type").asText();
            if (type.equals("agent_chat_response_part") && firstPart == 0) firstPart = f.atNanos;
            if (type.equals("agent_response")) return new Turn(text, sent, firstPart == 0 ? f.atNanos : firstPart, f.atNanos);
            if (type.equals("error")) throw new IllegalStateException("error frame: " + f.json);
        }
    }

    /** Sends one {@code user_audio_chunk} (raw bytes in the conversation's input format). */
    void sendAudio(byte[] audio) {
        send("{\"user_audio_chunk\":\"" + java.util.Base64.getEncoder().encodeToString(audio) + "\"}");
    }

    /** The next queued frame, waiting at most {@code millis}; null when none came. Throws when the socket closed. */
    Frame poll(long millis) throws Exception {
        Frame f = frames.poll(millis, TimeUnit.MILLISECONDS);
        if (f != null && f.json.has("closed")) throw new IllegalStateException("socket closed: " + f.json);
        return f;
    }

    private Frame await(String type, int seconds) throws Exception {
        while (true) {
            Frame f = next(seconds);
            if (f.json.path("type").asText().equals(type)) return f;
        }
    }

    private Frame next(int seconds) throws Exception {
        Frame f = frames.poll(seconds, TimeUnit.SECONDS);
        if (f == null) throw new IllegalStateException("no frame from the server in " + seconds + " s");
        if (f.json.has("closed")) throw new IllegalStateException("socket closed: " + f.json);
        return f;
    }

    private void send(String text) {
        synchronized (sendLock) {
            socket.sendText(text, true).join();
        }
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            synchronized (sendLock) {
                socket.sendClose(1000, "User ended conversation").get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                try {
                    JsonNode json = JSON.readTree(partial.toString());
                    if (json.path("type").asText().equals("ping")) {
                        int id = json.path("ping_event").path("event_id").asInt();
                        send("{\"type\":\"pong\",\"event_id\":" + id + "}");
                    } else {
                        frames.add(new Frame(at, json));
                    }
                } catch (Exception e) {
                    frames.add(new Frame(at, JSON.createObjectNode().put("type", "unparsable")));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            frames.add(new Frame(System.nanoTime(), JSON.createObjectNode().put("closed", code).put("reason", reason)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            frames.add(new Frame(System.nanoTime(), JSON.createObjectNode().put("closed", -1).put("reason", String.valueOf(error))));
        }
    }
}
