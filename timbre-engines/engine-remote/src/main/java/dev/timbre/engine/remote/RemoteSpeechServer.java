package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.ThreadedSpeechStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
        return open(uri, method, json, "application/json", headers, requestTimeout);
    }

    /** Sends {@code body} (null: none) as {@code contentType} and returns the open body of a 2xx answer; the caller closes it. */
    InputStream open(URI uri, String method, byte[] body, String contentType, Map<String, String> headers, Duration requestTimeout) {
        HttpTransport.Answer answer = send(uri, method, body, contentType, headers, requestTimeout);
        if (answer.status() / 100 == 2) return answer.body();
        throw refusal(answer);
    }

    /** {@code DELETE uri}: a 2xx or a 404 (already gone) is done; anything else throws like {@link #open}. */
    void delete(URI uri, Map<String, String> headers) {
        HttpTransport.Answer answer = send(uri, "DELETE", null, null, headers, RemoteSpeechSettings.LISTING_TIMEOUT);
        if (answer.status() / 100 != 2 && answer.status() != 404) throw refusal(answer);
        try (InputStream ignored = answer.body()) {
            // the answer's body says nothing more
        } catch (IOException e) {
            // answered; an unreadable body does not matter
        }
    }

    /**
     * Posts {@code json} on a daemon thread named {@code threadName} and passes the answer's PCM ({@code rate} Hz, or a
     * WAV) on to {@code out} as it arrives, at most {@code maxAudioBytes}; see {@link StreamedSpeechBody}.
     */
    SpeechStream streamPcm(String threadName, URI uri, byte[] json, Map<String, String> headers, int rate, long maxAudioBytes,
                           AudioSink out) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Accept", "audio/pcm, audio/wav;q=0.9");
        return ThreadedSpeechStream.start(threadName, out, (sink, cancelled) -> {
            try (InputStream audio = open(uri, "POST", json, h, null)) {
                StreamedSpeechBody.pipe(audio, rate, maxAudioBytes, sink, cancelled, provider);
            } catch (IOException e) {
                throw new EngineException("the " + provider + " text-to-speech server broke off its audio", e, true);
            }
        });
    }

    private HttpTransport.Answer send(URI uri, String method, byte[] body, String contentType, Map<String, String> headers,
                                      Duration requestTimeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout == null ? timeout : requestTimeout);
        headers.forEach(b::header);
        if (body != null) b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        try {
            return transport.send(b.build(), body);
        } catch (HttpTimeoutException e) {
            throw new EngineException("the " + provider + " text-to-speech server did not answer in time", e, true);
        } catch (IOException e) {
            throw new EngineException("the " + provider + " text-to-speech server could not be reached", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the " + provider + " text-to-speech server", e, true);
        }
    }

    /** The failure a non-2xx answer stands for; reads (bounded) and closes its body. */
    private EngineException refusal(HttpTransport.Answer answer) {
        int status = answer.status();
        String detail;
        try (InputStream error = answer.body()) {
            detail = errorMessage(error.readNBytes(MAX_JSON_BYTES));
        } catch (IOException e) {
            detail = "(unreadable body)";
        }
        boolean retryable = status != 400 && status != 422;
        return new EngineException("the " + provider + " text-to-speech server answered " + status + ": " + detail, null, retryable);
    }

    /** A JSON body of a 2xx answer, read whole (bounded). */
    JsonNode json(URI uri, Map<String, String> headers, Duration requestTimeout) {
        return json(uri, "GET", null, null, headers, requestTimeout);
    }

    /** The JSON answer to a request with {@code body} (null: none) of {@code contentType}, read whole (bounded). */
    JsonNode json(URI uri, String method, byte[] body, String contentType, Map<String, String> headers, Duration requestTimeout) {
        try (InputStream answer = open(uri, method, body, contentType, headers, requestTimeout)) {
            byte[] bytes = answer.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) throw new EngineException("the " + provider + " server's answer is over 4 MiB", null, false);
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
