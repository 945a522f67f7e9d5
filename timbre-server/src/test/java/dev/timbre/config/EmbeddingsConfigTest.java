package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.embeddings.MiniLmEmbedding;
import dev.timbre.engines.TextEmbeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAG's embedding engine: in process by default, an OpenAI-compatible server from YAML or the environment. */
class EmbeddingsConfigTest {
    @TempDir Path dir;

    @Test
    void inProcessByDefaultRemoteFromYamlOrEnvironment() throws Exception {
        TimbreConfig plain = ConfigLoader.load(Map.of(), Map.of());
        assertThat(plain.engines().remoteEmbeddings()).isNull();
        assertThat(TextEmbeddings.configured(plain.engines().remoteEmbeddings(), dir).modelId()).isEqualTo(MiniLmEmbedding.MODEL_ID);

        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines:\n  remote_embeddings: {url: 'http://gpu:8000', api_key: k1, model: bge-m3}\n");
        TimbreConfig yaml = ConfigLoader.load(Map.of("config", file.toString()), Map.of());
        assertThat(yaml.engines().remoteEmbeddings()).isEqualTo(new RemoteEmbeddings("http://gpu:8000", "k1", "bge-m3", 30));
        assertThat(yaml.engines().remoteEmbeddings().toString()).doesNotContain("k1");
        assertThat(TextEmbeddings.configured(yaml.engines().remoteEmbeddings(), dir).modelId()).isEqualTo("openai:bge-m3");

        TimbreConfig env = ConfigLoader.load(Map.of("config", file.toString()),
                Map.of("TIMBRE_EMBEDDINGS_URL", "http://other:9000", "TIMBRE_EMBEDDINGS_MODEL", "e5"));
        assertThat(env.engines().remoteEmbeddings()).isEqualTo(new RemoteEmbeddings("http://other:9000", "k1", "e5", 30));
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_EMBEDDINGS_URL", "http://h")).engines().remoteEmbeddings().model())
                .isEqualTo("text-embedding-3-small");
    }
}
