package dev.timbre.abuse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Garbage on a WebSocket route: opens one socket (with the test key), sends a burst of garbage text, malformed or
 * mistyped JSON and random binary frames, then closes, recording the outcome ("ws-close-CODE", "ws-refused",
 * "ws-error-EXCEPTION" when the connection failed without a close frame, "ws-open" when the server kept it open, or {@link AbuseTally#HANG} when the handshake or a send did not finish in
 * time). One instance per socket; {@link #run} blocks the calling thread for at most about 15 s.
 */
final class SocketAbuse implements WebSocket.Listener {
    private static final List<String> TEXT = List.of("", "{", "null", "[]", "\"x\"", "{\"text\":1}", "{\"text\":null}",
            "{\"text\":\" \",\"voice_settings\":\"loud\"}", "{\"audio_base_64\":\"!!!notbase64\"}", "{\"message_type\":\"input_audio_chunk\",\"audio_base_64\":\"AAAA\",\"sample_rate\":-1}",
            "{\"type\":\"user_audio_chunk\"}", "{\"user_audio_chunk\":\"%%%\"}", "{\"type\":\"conversation_initiation_client_data\",\"dynamic_variables\":[1,2]}",
            "{\"type\":\"pong\",\"event_id\":\"x\"}", "{\"type\":\"client_tool_result\",\"tool_call_id\":{}}", "{\"flush\":\"yes\",\"context_id\":[]}",
            "{\"text\":\"hi \",\"try_trigger_generation\":7,\"generation_config\":{\"chunk_length_schedule\":[-1,0,1e308]}}", "{\"close_context\":true,\"context_id\":null}");

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Throwable error;

    /** Sends {@code frames} garbage frames to {@code ws://127.0.0.1:port + pathAndQuery}; returns the outcome. */
    static String run(int port, String pathAndQuery, String key, Random random, int frames) {
        SocketAbuse listener = new SocketAbuse();
        WebSocket ws;
        try {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).header("xi-api-key", key)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), listener).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return AbuseTally.HANG;
        } catch (Exception e) {
            return "ws-refused";
        }
        try {
            for (int i = 0; i < frames && !listener.closed.isDone(); i++) {
                CompletableFuture<WebSocket> sent = random.nextInt(3) == 0
                        ? ws.sendBinary(ByteBuffer.wrap(CorruptAudio.noise(random, 1 + random.nextInt(2048))), true)
                        : ws.sendText(text(random), true);
                sent.get(5, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            ws.abort();
            return AbuseTally.HANG;
        } catch (Exception e) {
            // the server closed while we were sending: its close code tells why
        }
        try {
            Integer code = listener.closed.get(random.nextInt(4) == 0 ? 1500 : 200, TimeUnit.MILLISECONDS);
            if (listener.error != null) System.out.println("socket error on " + pathAndQuery + ": " + listener.error);
            return listener.error != null ? "ws-error-" + listener.error.getClass().getSimpleName() : "ws-close-" + code;
        } catch (Exception e) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
            ws.abort();
            return "ws-open";
        }
    }

    private static String text(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new String(CorruptAudio.noise(random, 1 + random.nextInt(512)), StandardCharsets.ISO_8859_1);
            case 1 -> "[".repeat(1 + random.nextInt(20_000));
            default -> TEXT.get(random.nextInt(TEXT.size()));
        };
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
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
        this.error = error;
        closed.complete(-1);
    }
}
