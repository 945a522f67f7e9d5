package dev.timbre.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.engine.TextEmbeddingContract;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible embeddings provider against a local server whose "model" is a hashed bag of words (64
 * dimensions), answering in reverse index order; the contract of every {@link TextEmbedding} plus the wire details.
 */
class OpenAiEmbeddingsTest extends TextEmbeddingContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static HttpServer server;
    static OpenAiEmbeddings engine;
    static final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    static final List<String> auth = new CopyOnWriteArrayList<>();
    static volatile int status = 200;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            requests.add(body);
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            var data = JSON.createArrayNode();
            for (int i = body.path("input").size() - 1; i >= 0; i--) {
                var v = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
                for (float x : bagOfWords(body.path("input").get(i).asText())) v.add(x);
            }
            byte[] out = JSON.writeValueAsBytes(JSON.createObjectNode().put("object", "list").set("data", data));
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        engine = new OpenAiEmbeddings("http://127.0.0.1:" + server.getAddress().getPort(), "sk-e", "bow-64", Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static float[] bagOfWords(String text) {
        float[] v = new float[64];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) if (w.length() > 2) v[Math.floorMod(w.hashCode(), 64)] += 1;
        return v;
    }

    @Override
    protected TextEmbedding engine() {
        return engine;
    }

    @Override
    protected int expectedDimensions() {
        return 64;
    }

    @Test
    void sendsModelInputAndKeyAndPlacesVectorsByIndex() {
        float[][] v = engine.embed(List.of("alpha beta", "gamma delta"));
        JsonNode last = requests.get(requests.size() - 1);
        assertThat(last.path("model").asText()).isEqualTo("bow-64");
        assertThat(last.path("input").get(1).asText()).isEqualTo("gamma delta");
        assertThat(auth.get(auth.size() - 1)).isEqualTo("Bearer sk-e");
        assertThat(v[0]).isEqualTo(TextEmbedding.normalise(bagOfWords("alpha beta")));
        assertThat(engine.modelId()).isEqualTo("openai:bow-64");
        assertThat(engine.endpoint().toString()).endsWith("/v1/embeddings");
    }

    @Test
    void serverErrorsAreEngineExceptions() {
        status = 503;
        try {
            assertThatThrownBy(() -> engine.embed(List.of("x"))).isInstanceOf(EngineException.class).hasMessageContaining("503");
        } finally {
            status = 200;
        }
        OpenAiEmbeddings nowhere = new OpenAiEmbeddings("http://127.0.0.1:1", null, null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> nowhere.embed(List.of("x"))).isInstanceOf(EngineException.class);
    }
}
