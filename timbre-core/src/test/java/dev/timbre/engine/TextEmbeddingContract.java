package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link TextEmbedding} must do; an engine's test extends this and supplies the engine. */
public abstract class TextEmbeddingContract {
    protected abstract TextEmbedding engine();

    /** The dimension the engine under test promises. */
    protected abstract int expectedDimensions();

    @Test
    void vectorsHaveTheDimensionsAndUnitLength() {
        float[][] v = engine().embed(List.of("The cat sat on the mat.", "", "Quarterly revenue grew by eight percent."));
        assertThat(v).hasNumberOfRows(3);
        assertThat(engine().dimensions()).isEqualTo(expectedDimensions());
        for (int i : new int[] {0, 2}) {
            assertThat(v[i]).hasSize(expectedDimensions());
            assertThat(dot(v[i], v[i])).isBetween(0.99, 1.01);
        }
        assertThat(engine().modelId()).isNotBlank();
        assertThat(engine().embed(List.of())).isEmpty();
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = engine().embed(List.of(
                "How do I reset my password?",
                "I forgot my password and need to change it.",
                "The train to Edinburgh leaves at noon."));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.2);
    }

    @Test
    void concurrentCallersGetTheSameVectors() throws Exception {
        float[] alone = engine().embed(List.of("whales are mammals"))[0];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = pool.invokeAll(List.of(
                    () -> engine().embed(List.of("whales are mammals")),
                    () -> engine().embed(List.of("whales are mammals")),
                    () -> engine().embed(List.of("whales are mammals"))));
            for (Future<float[][]> f : futures) assertThat(dot(f.get()[0], alone)).isGreaterThan(0.999);
        } finally {
            pool.shutdownNow();
        }
    }

    protected static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
