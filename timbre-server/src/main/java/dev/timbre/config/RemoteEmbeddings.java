package dev.timbre.config;

/**
 * A remote OpenAI-compatible embeddings server ({@code POST {url}/v1/embeddings}) for RAG instead of the in-process
 * all-MiniLM-L6-v2 (YAML {@code engines.remote_embeddings}; env {@code TIMBRE_EMBEDDINGS_URL},
 * {@code TIMBRE_EMBEDDINGS_API_KEY}, {@code TIMBRE_EMBEDDINGS_MODEL}).
 *
 * @param url the server's base URL; null or blank: no remote embeddings
 * @param apiKey sent as {@code Authorization: Bearer}; null sends none
 * @param model the {@code model} field; {@code text-embedding-3-small} when not set
 * @param timeoutSeconds one request's limit; 30 when not set
 */
public record RemoteEmbeddings(String url, String apiKey, String model, int timeoutSeconds) {
    public RemoteEmbeddings {
        url = url == null || url.isBlank() ? null : url.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? "text-embedding-3-small" : model.strip();
        timeoutSeconds = timeoutSeconds <= 0 ? 30 : timeoutSeconds;
    }

    /** Without the key, so that a logged configuration does not leak it. */
    @Override
    public String toString() {
        return "RemoteEmbeddings[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", model=" + model
                + ", timeoutSeconds=" + timeoutSeconds + "]";
    }
}
