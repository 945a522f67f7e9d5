package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP side shared by the remote speech providers: one request through the server's {@link HttpTransport} (the
 * outbound client in Timbre), failures as {@link EngineException}s. Messages name the provider, never the URL (they
 * reach API callers); the URL is in the engine's description. Retryable (the API answers 503): unreachable, timeout,
 * 5xx, 401, 403, 404, 408, 429; other answers (400, 422: the text or voice was refused) are not. Thread-safe.
 */
final class RemoteSpeechServer {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Bound on an error or listing body read into memory. */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private final String provider;
    private final HttpTransport transport;
    private final Duration timeout;

    RemoteSpeechServer(String provider, HttpTransport transport, Duration timeout) {
        this.provider = provider;
        this.transport = transport;
        this.timeout = timeout;
    }

    /** Sends a request and returns the open body of a 2xx answer; the caller closes it. */
    InputStream open(URI uri, String method, byte[] json, Map<String, String> headers, Duration requestTimeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout == null ? timeout : requestTimeout);
        headers.forEach(b::header);
        if (json != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        HttpTransport.Answer answer;
        try {
            answer = transport.send(b.build(), json);
        } catch (HttpTimeoutException e) {
            throw new EngineException("the " + provider + " text-to-speech server did not answer in time", e, true);
        } catch (IOException e) {
            throw new EngineException("the " + provider + " text-to-speech server could not be reached", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the " + provider + " text-to-speech server", e, true);
        }
        int status = answer.status();
        if (status / 100 == 2) return answer.body();
        String detail;
        try (InputStream body = answer.body()) {
            detail = errorMessage(body.readNBytes(MAX_JSON_BYTES));
        } catch (IOException e) {
            detail = "(unreadable body)";
        }
        boolean retryable = status != 400 && status != 422;
        throw new EngineException("the " + provider + " text-to-speech server answered " + status + ": " + detail, null, retryable);
    }

    /** A JSON body of a 2xx answer, read whole (bounded). */
    JsonNode json(URI uri, Map<String, String> headers, Duration requestTimeout) {
        try (InputStream body = open(uri, "GET", null, headers, requestTimeout)) {
            byte[] bytes = body.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) throw new EngineException("the " + provider + " voice list is over 4 MiB", null, false);
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new EngineException("the " + provider + " text-to-speech server sent a body that is not JSON", e, true);
        }
    }

    static String errorMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = JSON.readTree(text);
            for (String p : new String[] {"/error/message", "/error", "/detail/message", "/detail", "/message"}) {
                JsonNode m = n.at(p);
                if (m.isTextual()) return abbreviate(m.asText());
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: show the text
        }
        return text.isEmpty() ? "(empty body)" : abbreviate(text);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
