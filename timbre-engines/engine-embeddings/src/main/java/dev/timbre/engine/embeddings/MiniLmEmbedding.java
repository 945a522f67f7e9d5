package dev.timbre.engine.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.TextEmbedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (384 dimensions, English, about 90 MB in memory) in process on ONNX Runtime. The model and its
 * tokenizer ship inside the langchain4j jar; DJL's tokenizer extracts its native library once into {@code cacheDir}
 * (never the home folder) and never reaches the network ({@code ai.djl.offline}). Thread-safe: ONNX Runtime sessions
 * serve concurrent calls; each {@link #embed} runs on the caller's thread (no pool of its own). Loading takes 1–2 s.
 * Texts longer than the model's 510 tokens are split and their vectors averaged (langchain4j); a blank text gets the
 * zero vector. ONNX Runtime runs one query on up to 4 intra-op threads (the JVM property
 * {@code timbre.embeddings.threads} overrides), which sleep when idle ({@link MiniLmSession}).
 */
public final class MiniLmEmbedding implements TextEmbedding {
    public static final String MODEL_ID = "all-minilm-l6-v2";
    private static final int DIMENSIONS = 384;

    private final MiniLmSession model;
    private volatile boolean closed;

    private MiniLmEmbedding(MiniLmSession model) {
        this.model = model;
    }

    /**
     * Loads the model; throws {@link EngineException} when ONNX Runtime or the tokenizer cannot run here.
     *
     * @param cacheDir where DJL may extract its tokenizer library (created when missing)
     */
    public static MiniLmEmbedding load(Path cacheDir) {
        DjlOffline.configure(cacheDir);
        try {
            return new MiniLmEmbedding(MiniLmSession.open(Integer.getInteger("timbre.embeddings.threads",
                    Math.min(4, Runtime.getRuntime().availableProcessors()))));
        } catch (RuntimeException | LinkageError e) {
            throw new EngineException("cannot load all-MiniLM-L6-v2: " + e, e instanceof Exception ex ? ex : null, false);
        }
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (closed) throw new EngineException("embedding engine closed", null, false);
        float[][] vectors = new float[texts.size()][];
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) if (!text.isBlank()) segments.add(TextSegment.from(text));
        List<Embedding> embeddings;
        try {
            embeddings = segments.isEmpty() ? List.of() : model.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new EngineException("embedding failed: " + e.getMessage(), e, false);
        }
        int next = 0;
        for (int i = 0; i < vectors.length; i++) {
            // a blank text has no meaning to embed: the zero vector, similar to nothing
            vectors[i] = texts.get(i).isBlank() ? new float[DIMENSIONS] : TextEmbedding.normalise(embeddings.get(next++).vector());
        }
        return vectors;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** Marks the engine closed; its ONNX session ends with the JVM (a call in flight may still finish). */
    @Override
    public void close() {
        closed = true;
    }
}
