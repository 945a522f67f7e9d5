package dev.timbre.speechtospeech;

import dev.timbre.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A generative voice changer behind HTTP, ElevenLabs-shaped: the request is sent on as it came (multipart, the same
 * fields, {@code output_format} and {@code enable_logging} in the query) to {@code {url}/v1/speech-to-speech/{voice_id}}
 * (or {@code …/stream}), with {@code xi-api-key} when a key is configured, and its audio is returned as it arrives.
 * The provider's 4xx answers are passed on with their message; anything else is a 502. Configured by the operator
 * ({@code TIMBRE_VOICE_CHANGER_URL}, optional {@code TIMBRE_VOICE_CHANGER_API_KEY}), so its address is not checked
 * against the outbound policy. Connect 10 s, whole answer {@link #TIMEOUT}. Thread-safe.
 */
public final class VoiceChangerProvider {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int CHUNK = 16 * 1024;

    private final String url;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    VoiceChangerProvider(String url, String apiKey) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
    }

    /** The provider the environment configures, if any. */
    public static Optional<VoiceChangerProvider> fromEnv(Map<String, String> env) {
        String url = env.getOrDefault("TIMBRE_VOICE_CHANGER_URL", "").strip();
        if (url.isEmpty()) return Optional.empty();
        String key = env.getOrDefault("TIMBRE_VOICE_CHANGER_API_KEY", "").strip();
        return Optional.of(new VoiceChangerProvider(url, key.isEmpty() ? null : key));
    }

    /** Sends the request on; the returned conversion reads the provider's audio as it comes. */
    Conversion forward(SpeechToSpeechRequest r, boolean stream) throws InterruptedException {
        ProviderForm form = ProviderForm.of(r);
        String target = url + "/v1/speech-to-speech/" + URLEncoder.encode(r.voiceId(), StandardCharsets.UTF_8) + (stream ? "/stream" : "")
                + "?output_format=" + r.format().id() + "&enable_logging=" + r.logging()
                + "&optimize_streaming_latency=" + r.latency();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
        if (apiKey != null) b.header("xi-api-key", apiKey);
        HttpResponse<InputStream> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiException(502, "voice_changer_unavailable", "The voice changer provider could not be reached.");
        }
        if (response.statusCode() != 200) throw failure(response);
        String type = response.headers().firstValue("content-type").orElse(r.format().contentType());
        return new Forwarded(response.body(), type);
    }

    private static ApiException failure(HttpResponse<InputStream> response) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            return new ApiException(status, "voice_changer_refused", "The voice changer provider refused the request (" + status + "): " + body.strip());
        }
        return new ApiException(502, "voice_changer_failed", "The voice changer provider failed (" + status + ").");
    }

    /** The provider's audio, passed on in chunks of up to 16 KiB as they arrive. */
    private record Forwarded(InputStream in, String contentType) implements Conversion {
        @Override public String historyItemId() { return null; }

        @Override
        public byte[] next() {
            try {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0) return null;
                return chunk;
            } catch (IOException e) {
                throw new ApiException(502, "voice_changer_failed", "The voice changer provider's audio was cut off.");
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }

}
