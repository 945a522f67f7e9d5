package dev.timbre.engine.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.TextEmbedding;
import dev.timbre.engine.TextEmbeddingContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingTest extends TextEmbeddingContract {
    private static MiniLmEmbedding engine;
    private static Path cache;

    @BeforeAll
    static void load() throws Exception {
        cache = Files.createTempDirectory("djl-cache");
        engine = MiniLmEmbedding.load(cache);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Override
    protected TextEmbedding engine() {
        return engine;
    }

    @Override
    protected int expectedDimensions() {
        return 384;
    }

    @Test
    void runsOfflineWithItsCacheOutsideTheHomeFolder() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(engine.embed(List.of("warm"))).hasNumberOfRows(1);
        assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(cache.toAbsolutePath().toString());
    }
}
