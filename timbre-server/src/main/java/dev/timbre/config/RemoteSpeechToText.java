package dev.timbre.config;

/**
 * A remote OpenAI-compatible transcription server ({@code POST {url}/v1/audio/transcriptions}), used by the
 * {@code openai} speech-to-text provider, e.g. Whisper on a GPU host.
 *
 * @param url the server's base URL, e.g. {@code http://gpu-host:8000} ({@code /v1/audio/transcriptions} is appended)
 * @param apiKey sent as {@code Authorization: Bearer}; null sends none
 * @param model the {@code model} field; {@code whisper-1} when not set
 * @param timeoutSeconds how long one transcription may take; 300 when not set
 */
public record RemoteSpeechToText(String url, String apiKey, String model, int timeoutSeconds) {
    public static final String DEFAULT_MODEL = "whisper-1";
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;

    public RemoteSpeechToText {
        url = url == null || url.isBlank() ? null : url.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        timeoutSeconds = timeoutSeconds <= 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    public RemoteSpeechToText withUrl(String u) { return new RemoteSpeechToText(u, apiKey, model, timeoutSeconds); }

    public RemoteSpeechToText withApiKey(String k) { return new RemoteSpeechToText(url, k, model, timeoutSeconds); }

    public RemoteSpeechToText withModel(String m) { return new RemoteSpeechToText(url, apiKey, m, timeoutSeconds); }

    public RemoteSpeechToText withTimeoutSeconds(int t) { return new RemoteSpeechToText(url, apiKey, model, t); }

    /** Without the key, so that a logged configuration does not leak it. */
    @Override
    public String toString() {
        return "RemoteSpeechToText[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", timeoutSeconds=" + timeoutSeconds + "]";
    }
}
