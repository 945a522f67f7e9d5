package dev.timbre.soundgeneration;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
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
 * A generative sound-effects model behind an ElevenLabs-shaped server: {@code POST {url}/v1/sound-generation
 * ?output_format=…} with the request's JSON, the key (if any) as {@code xi-api-key}; its audio is relayed (at most
 * {@link #MAX_BYTES}). Named by the operator ({@link #fromEnv}: {@code TIMBRE_SOUND_EFFECTS_URL},
 * {@code TIMBRE_SOUND_EFFECTS_API_KEY}). Connect timeout 10 s, answer within {@link #TIMEOUT}. Thread-safe.
 */
public final class SoundEffectsProvider {
    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final int MAX_BYTES = 64 << 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final Optional<String> apiKey;

    public SoundEffectsProvider(URI base, Optional<String> apiKey) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
    }

    public static Optional<SoundEffectsProvider> fromEnv(Map<String, String> env) {
        String url = env.getOrDefault("TIMBRE_SOUND_EFFECTS_URL", "").trim();
        if (url.isEmpty()) return Optional.empty();
        String key = env.getOrDefault("TIMBRE_SOUND_EFFECTS_API_KEY", "").trim();
        return Optional.of(new SoundEffectsProvider(URI.create(url), key.isEmpty() ? Optional.empty() : Optional.of(key)));
    }

    /** The provider's audio for a checked request; its failures are 502 (its own 4xx pass through as 400). */
    byte[] generate(SoundGenerationRequest request, OutputFormat format) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/sound-generation?output_format="
                        + URLEncoder.encode(format.id(), StandardCharsets.UTF_8)))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)));
        apiKey.ifPresent(k -> b.header("xi-api-key", k));
        try {
            HttpResponse<InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (r.statusCode() / 100 != 2) {
                    int status = r.statusCode() / 100 == 4 ? 400 : 502;
                    throw new ApiException(status, "sound_effects_provider_failed", "The sound effects provider answered HTTP " + r.statusCode());
                }
                if (body.length > MAX_BYTES) throw new ApiException(502, "sound_effects_provider_failed", "The sound effects provider sent too much audio");
                return body;
            }
        } catch (IOException e) {
            throw new ApiException(502, "sound_effects_provider_failed", "The sound effects provider could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "Interrupted");
        }
    }
}
