package dev.timbre.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * A remote text-to-speech server ({@code engines.remote_text_to_speech}, {@code TIMBRE_TTS_*}), used by the TTS
 * providers {@code openai} ({@code POST {url}/v1/audio/speech}: Kokoro-FastAPI, Speaches, LocalAI, OpenAI…) and
 * {@code elevenlabs} ({@code POST {url}/v1/text-to-speech/{voice_id}/stream}: another Timbre, ElevenLabs).
 *
 * @param url the server's base URL, e.g. {@code http://gpu-host:8880}
 * @param apiKey {@code Authorization: Bearer} (openai) or {@code xi-api-key} (elevenlabs); null sends none
 * @param model the model asked for; null: {@code tts-1} (openai) or {@code eleven_multilingual_v2} (elevenlabs)
 * @param voices voice ids offered when the server cannot list its voices
 * @param timeoutSeconds how long a synthesis may take to start answering; 120 when not set
 * @param sampleRate the rate of the server's raw PCM ({@code pcm}: 24000 when not set)
 * @param cloning whether voice clones are made on the server where the provider can ({@code elevenlabs}, or
 *        {@code openai} with a clone path); null: yes
 * @param clonePath {@code openai} only: the server's voice upload path under {@code /v1} (Chatterbox-TTS-API:
 *        {@code /voices}); null: that provider does not clone
 */
public record RemoteTextToSpeech(String url, String apiKey, String model,
                                 @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> voices,
                                 int timeoutSeconds, int sampleRate, Boolean cloning, String clonePath) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public RemoteTextToSpeech {
        url = url == null || url.isBlank() ? null : url.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        voices = voices == null ? List.of() : voices.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        timeoutSeconds = Math.max(0, timeoutSeconds);
        sampleRate = Math.max(0, sampleRate);
        clonePath = clonePath == null || clonePath.isBlank() ? null : clonePath.strip();
    }

    /** With cloning left to its default (on). */
    public RemoteTextToSpeech(String url, String apiKey, String model, List<String> voices, int timeoutSeconds, int sampleRate) {
        this(url, apiKey, model, voices, timeoutSeconds, sampleRate, null, null);
    }

    public static RemoteTextToSpeech none() { return new RemoteTextToSpeech(null, null, null, List.of(), 0, 0); }

    public RemoteTextToSpeech withClonePath(String p) { return new RemoteTextToSpeech(url, apiKey, model, voices, timeoutSeconds, sampleRate, cloning, p); }

    /** Whether clones go to the server (where the provider can clone): on unless turned off. */
    public boolean cloningEnabled() { return cloning == null || cloning; }

    public RemoteTextToSpeech withCloning(Boolean c) { return new RemoteTextToSpeech(url, apiKey, model, voices, timeoutSeconds, sampleRate, c, clonePath); }

    public RemoteTextToSpeech withUrl(String u) { return new RemoteTextToSpeech(u, apiKey, model, voices, timeoutSeconds, sampleRate, cloning, clonePath); }

    public RemoteTextToSpeech withApiKey(String k) { return new RemoteTextToSpeech(url, k, model, voices, timeoutSeconds, sampleRate, cloning, clonePath); }

    public RemoteTextToSpeech withModel(String m) { return new RemoteTextToSpeech(url, apiKey, m, voices, timeoutSeconds, sampleRate, cloning, clonePath); }

    public RemoteTextToSpeech withVoices(List<String> v) { return new RemoteTextToSpeech(url, apiKey, model, v, timeoutSeconds, sampleRate, cloning, clonePath); }

    public RemoteTextToSpeech withTimeoutSeconds(int t) { return new RemoteTextToSpeech(url, apiKey, model, voices, t, sampleRate, cloning, clonePath); }

    public RemoteTextToSpeech withSampleRate(int r) { return new RemoteTextToSpeech(url, apiKey, model, voices, timeoutSeconds, r, cloning, clonePath); }

    /** Without the key, so that a logged configuration does not leak it. */
    @Override
    public String toString() {
        return "RemoteTextToSpeech[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", voices=" + voices + ", timeoutSeconds=" + timeoutSeconds + ", sampleRate=" + sampleRate + ", cloning=" + cloning + ", clonePath=" + clonePath + "]";
    }
}
