package dev.timbre.audioisolation;

import dev.timbre.engine.remote.MultipartBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An ElevenLabs-shaped isolation server: {@code POST {url}/v1/audio-isolation} (or {@code …/stream}) with the upload
 * as multipart {@code audio} and {@code file_format}, the key (if any) as {@code xi-api-key}. Configured by the
 * operator ({@link #fromEnv}: {@code TIMBRE_AUDIO_ISOLATION_URL}, {@code TIMBRE_AUDIO_ISOLATION_API_KEY}), so it is
 * not a user-supplied URL. Connect timeout 10 s, whole answer within {@link #TIMEOUT}. Thread-safe.
 */
public final class RemoteAudioIsolation implements AudioIsolationProvider {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Optional<String> apiKey;

    public RemoteAudioIsolation(URI base, Optional<String> apiKey) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
    }

    /** The provider named by {@code TIMBRE_AUDIO_ISOLATION_URL}, if set. */
    public static Optional<AudioIsolationProvider> fromEnv(Map<String, String> env) {
        String url = env.getOrDefault("TIMBRE_AUDIO_ISOLATION_URL", "").trim();
        if (url.isEmpty()) return Optional.empty();
        String key = env.getOrDefault("TIMBRE_AUDIO_ISOLATION_API_KEY", "").trim();
        return Optional.of(new RemoteAudioIsolation(URI.create(url), key.isEmpty() ? Optional.empty() : Optional.of(key)));
    }

    @Override
    public InputStream isolate(byte[] audio, String fileFormat, boolean stream) {
        MultipartBody body = new MultipartBody().file("audio", "audio", "application/octet-stream", audio).field("file_format", fileFormat);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/audio-isolation" + (stream ? "/stream" : "")))
                .timeout(TIMEOUT).header("Content-Type", body.contentType()).header("Accept", "audio/mpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        apiKey.ifPresent(k -> request.header("xi-api-key", k));
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 == 2) return response.body();
            try (InputStream error = response.body()) {
                error.readNBytes(4096);
            }
            throw new ProviderException(response.statusCode(), "the isolation provider answered HTTP " + response.statusCode());
        } catch (IOException e) {
            throw new ProviderException(0, "the isolation provider could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(0, "interrupted");
        }
    }
}
