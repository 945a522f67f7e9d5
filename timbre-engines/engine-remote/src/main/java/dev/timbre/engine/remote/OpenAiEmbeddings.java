package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.ServiceEndpoint;
import dev.timbre.engine.TextEmbedding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Text embeddings from a server that speaks OpenAI's {@code POST /v1/embeddings} (OpenAI, vLLM, LocalAI, Ollama,
 * text-embeddings-inference, …): {@code {"model", "input": [texts]}} → {@code data[i].embedding}, placed by
 * {@code index}. Vectors are normalised here. The dimension is learnt from the first answer (a probe when asked
 * before). Thread-safe (the JDK client); each call blocks up to {@code timeout}. Responses are bounded (16 MiB).
 * Nothing is sent anywhere unless this provider is configured.
 */
public final class OpenAiEmbeddings implements TextEmbedding {
    public static final String DEFAULT_MODEL = "text-embedding-3-small";
    static final int MAX_RESPONSE_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;
    private volatile int dimensions;

    /**
     * @param baseUrl e.g. {@code http://gpu-host:8000}; {@code /v1/embeddings} is appended unless already there
     * @param apiKey sent as {@code Authorization: Bearer}; null or blank sends none
     * @param model the {@code model} field; null means {@value #DEFAULT_MODEL}
     * @param timeout one request's limit; null means 30 s
     */
    public OpenAiEmbeddings(String baseUrl, String apiKey, String model, Duration timeout) {
        this.endpoint = ServiceEndpoint.resolve(Objects.requireNonNull(baseUrl, "baseUrl"), "/embeddings", "embeddings");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(30) : timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI endpoint() { return endpoint; }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        List<String> input = texts.stream().map(t -> t.isBlank() ? " " : t).toList();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("model", model, "input", input)), StandardCharsets.UTF_8));
        if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
        HttpResponse<byte[]> response = RemoteExchange.send(http, request.build(), HttpResponse.BodyHandlers.ofByteArray(),
                "embeddings server " + endpoint);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new EngineException("embeddings server " + endpoint + " answered " + status, null, status >= 500 || status == 429);
        }
        if (response.body().length > MAX_RESPONSE_BYTES) throw new EngineException("embeddings server answer too large", null, false);
        return parse(response.body(), texts.size());
    }

    private float[][] parse(byte[] body, int count) {
        float[][] out = new float[count][];
        try {
            JsonNode data = JSON.readTree(body).path("data");
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                int index = item.path("index").asInt(i);
                JsonNode e = item.path("embedding");
                if (index < 0 || index >= count || !e.isArray() || e.isEmpty()) throw new EngineException("malformed embedding " + i, null, false);
                float[] v = new float[e.size()];
                for (int d = 0; d < v.length; d++) v[d] = (float) e.get(d).asDouble();
                out[index] = TextEmbedding.normalise(v);
            }
        } catch (IOException e) {
            throw new EngineException("embeddings server " + endpoint + " answered malformed JSON", e, false);
        }
        for (float[] v : out) {
            if (v == null) throw new EngineException("embeddings server " + endpoint + " left texts without a vector", null, false);
            if (dimensions == 0) dimensions = v.length;
            if (v.length != dimensions) throw new EngineException("embeddings server changed dimensions", null, false);
        }
        return out;
    }

    @Override
    public int dimensions() {
        if (dimensions == 0) embed(List.of("dimension probe"));
        return dimensions;
    }

    /** {@code openai:<model>}, so vectors of different remote models never mix. */
    @Override
    public String modelId() {
        return "openai:" + model;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
