package dev.timbre.engine;

import java.util.List;

/**
 * Turns texts into fixed-size vectors whose cosine similarity tracks meaning (for retrieval). Thread-safe: one instance
 * serves every caller. Blocking: {@link #embed} runs the model (or a remote call) on the caller's thread. Vectors are
 * L2-normalised, so a dot product is the cosine similarity.
 */
public interface TextEmbedding extends AutoCloseable {
    /** One vector of {@link #dimensions()} floats per text, in order; throws {@link EngineException} on failure. */
    float[][] embed(List<String> texts);

    /** The length of every vector this engine returns. */
    int dimensions();

    /** Names the model, so vectors from different models are never mixed (e.g. {@code all-minilm-l6-v2}). */
    String modelId();

    /** Frees the model; calls after close fail. */
    @Override
    default void close() {}

    /** Scales {@code v} to unit length in place (a zero vector stays zero) and returns it. */
    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        if (sum == 0) return v;
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }
}
