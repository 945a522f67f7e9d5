package dev.timbre.engine.remote;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a remote text-to-speech provider is reached.
 *
 * @param url the server, e.g. {@code http://gpu-host:8880}; the provider's paths are appended ({@code /v1/…})
 * @param apiKey {@code Authorization: Bearer} (openai) or {@code xi-api-key} (elevenlabs); null sends none
 * @param model the model the server is asked for; null: the provider's default
 * @param voices voice ids to offer when the server cannot list its voices; may be empty
 * @param timeout how long one synthesis may take to start answering
 * @param sampleRate the rate of raw PCM answers (OpenAI's {@code pcm} is 24000 Hz)
 * @param maxAudioBytes the most PCM one synthesis passes on (the rest is dropped)
 */
public record RemoteSpeechSettings(String url, String apiKey, String model, List<String> voices, Duration timeout,
                                   int sampleRate, long maxAudioBytes) {
    public static final int DEFAULT_SAMPLE_RATE = 24_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** 30 minutes of 24 kHz audio. */
    public static final long DEFAULT_MAX_AUDIO_BYTES = 30L * 60 * 48_000;
    static final Duration LISTING_TIMEOUT = Duration.ofSeconds(10);

    public RemoteSpeechSettings {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("the text-to-speech server's URL is required");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        voices = voices == null ? List.of() : voices.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        sampleRate = sampleRate <= 0 ? DEFAULT_SAMPLE_RATE : sampleRate;
        maxAudioBytes = maxAudioBytes <= 0 ? DEFAULT_MAX_AUDIO_BYTES : maxAudioBytes;
    }

    /** This with {@code fallback} as the model when none is set. */
    RemoteSpeechSettings withDefaultModel(String fallback) {
        return model != null ? this : new RemoteSpeechSettings(url, apiKey, fallback, voices, timeout, sampleRate, maxAudioBytes);
    }

    /** This with {@code other} as the model (this unchanged when {@code other} is null or blank). */
    RemoteSpeechSettings withModel(String other) {
        if (other == null || other.isBlank() || other.strip().equals(model)) return this;
        return new RemoteSpeechSettings(url, apiKey, other, voices, timeout, sampleRate, maxAudioBytes);
    }

    /** {@code Authorization: Bearer} when a key is set. */
    Map<String, String> authorization() {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    /** Without the key, so that a logged configuration does not leak it. */
    @Override
    public String toString() {
        return "RemoteSpeechSettings[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", voices=" + voices + "]";
    }
}
