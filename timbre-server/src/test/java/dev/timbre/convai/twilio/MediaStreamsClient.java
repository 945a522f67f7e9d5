package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's side of a Media Stream, written from Twilio's documented protocol
 * (https://www.twilio.com/docs/voice/media-streams/websocket-messages): sends {@code connected}, {@code start},
 * {@code media} (the caller's μ-law in 20 ms frames, at the pace of real time), {@code dtmf}, {@code stop}; receives
 * the server's {@code media} (played: kept with the time it came), {@code mark} (echoed back once the media before it
 * has "played", i.e. at once, as it arrives paced) and {@code clear}.
 */
final class MediaStreamsClient implements WebSocket.Listener, AutoCloseable {
    record Received(long atNanos, JsonNode message) {}

    final String streamSid = "MZ" + Long.toHexString(System.nanoTime());
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket ws;
    private int sequence;

    private MediaStreamsClient(String url) {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), this).join();
    }

    static MediaStreamsClient connect(String url) {
        return new MediaStreamsClient(url);
    }

    /** {@code connected} then {@code start} for {@code callSid} with {@code parameters} as customParameters. */
    MediaStreamsClient start(String accountSid, String callSid, Map<String, String> parameters) {
        send(Map.of("event", "connected", "protocol", "Call", "version", "1.0.0"));
        send(Map.of("event", "start", "sequenceNumber", String.valueOf(++sequence), "streamSid", streamSid,
                "start", Map.of("accountSid", accountSid, "streamSid", streamSid, "callSid", callSid, "tracks", List.of("inbound"),
                        "customParameters", parameters, "mediaFormat", Map.of("encoding", "audio/x-mulaw", "sampleRate", 8000, "channels", 1))));
        return this;
    }

    /** {@code ulaw} as 20 ms {@code media} frames, one every 20 ms. */
    void speak(byte[] ulaw) {
        long t0 = System.nanoTime();
        int chunk = 0;
        for (int at = 0; at < ulaw.length; at += 160, chunk++) {
            byte[] f = java.util.Arrays.copyOfRange(ulaw, at, Math.min(ulaw.length, at + 160));
            send(Map.of("event", "media", "sequenceNumber", String.valueOf(++sequence), "streamSid", streamSid,
                    "media", Map.of("track", "inbound", "chunk", String.valueOf(chunk + 1), "timestamp", String.valueOf(chunk * 20),
                            "payload", Base64.getEncoder().encodeToString(f))));
            long due = t0 + (chunk + 1) * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    void dtmf(char digit) {
        send(Map.of("event", "dtmf", "streamSid", streamSid, "sequenceNumber", String.valueOf(++sequence),
                "dtmf", Map.of("track", "inbound_track", "digit", String.valueOf(digit))));
    }

    void stop() {
        send(Map.of("event", "stop", "sequenceNumber", String.valueOf(++sequence), "streamSid", streamSid,
                "stop", Map.of("accountSid", "AC", "callSid", "CA")));
    }

    synchronized void send(Object message) {
        ws.sendText(message instanceof String s ? s : Json.write(message), true).join();
    }

    /** The next received message of {@code event} within {@code millis}; earlier ones of other events stay consumed. */
    Received next(String event, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            Received r = received.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (r == null) return null;
            if (r.message().path("event").asText().equals(event)) return r;
        }
    }

    /** Every message received in the next {@code millis}. */
    List<Received> drain(long millis) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            Received r = received.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (r != null) out.add(r);
        }
        return out;
    }

    /** All the agent μ-law received so far. */
    synchronized byte[] heard() {
        return heard.toByteArray();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode m = Json.MAPPER.readTree(partial.toString());
                String event = m.path("event").asText();
                if (event.equals("media")) {
                    synchronized (this) { heard.writeBytes(Base64.getDecoder().decode(m.path("media").path("payload").asText())); }
                }
                if (event.equals("mark")) {
                    String name = m.path("mark").path("name").asText();
                    java.util.concurrent.CompletableFuture.runAsync(() -> send(Map.of("event", "mark", "streamSid", streamSid,
                            "sequenceNumber", "0", "mark", Map.of("name", name))));
                }
                received.add(new Received(System.nanoTime(), m));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        ws.abort();
    }
}
