package dev.timbre.music;

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
 * A generative music provider with the ElevenLabs API's shape: compose requests are forwarded to
 * {@code {TIMBRE_MUSIC_URL}/v1/music} (and {@code /stream}, {@code /detailed}) with {@code xi-api-key:
 * TIMBRE_MUSIC_API_KEY} when set, and its answer (status, content type, {@code song-id}, body) is passed back as it
 * streams. The URL is the operator's, not a user's: it is reached directly. Connect timeout 10 s, whole answer
 * 10 min. Thread-safe.
 */
public final class RemoteMusic {
    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The request as the provider reads it: snake_case, fields left out rather than null. */
    private static final com.fasterxml.jackson.databind.ObjectMapper BODY = dev.timbre.http.Json.MAPPER.copy()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    public RemoteMusic(URI base, String apiKey) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.apiKey = apiKey;
    }

    /** The provider {@code TIMBRE_MUSIC_URL} (+ {@code TIMBRE_MUSIC_API_KEY}) names, if any. */
    public static Optional<RemoteMusic> fromEnv(Map<String, String> env) {
        String url = env.get("TIMBRE_MUSIC_URL");
        if (url == null || url.isBlank()) return Optional.empty();
        String key = env.get("TIMBRE_MUSIC_API_KEY");
        return Optional.of(new RemoteMusic(URI.create(url.strip()), key == null || key.isBlank() ? null : key.strip()));
    }

    /** The provider's answer; the caller reads and closes {@code body}. */
    public record Answer(int status, String contentType, String songId, InputStream body) {}

    /**
     * Posts {@code request} (as JSON, null fields left out) to the provider's {@code path} ({@code /v1/music}, {@code /v1/music/stream},
     * {@code /v1/music/detailed}) with {@code output_format}; throws IOException when the provider cannot be reached.
     */
    public Answer post(String path, String outputFormat, Object request) throws IOException, InterruptedException {
        byte[] json = BODY.writeValueAsBytes(request);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + "?output_format="
                        + URLEncoder.encode(outputFormat, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (apiKey != null) b.header("xi-api-key", apiKey);
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse("application/octet-stream"),
                r.headers().firstValue("song-id").orElse(null), r.body());
    }

    @Override
    public String toString() { return base.toString(); }
}
