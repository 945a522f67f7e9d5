package dev.timbre.engines;

import dev.timbre.config.RemoteEmbeddings;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.engine.embeddings.MiniLmEmbedding;
import dev.timbre.engine.remote.OpenAiEmbeddings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's one embedding engine (RAG), loaded on first use so that start-up and {@code /health} do not wait for it
 * (all-MiniLM-L6-v2 takes 1–2 s). {@code modelId} is known before loading (it keys the stored vectors). A load that
 * fails is retried at the next use, at most every 30 s; until then calls throw {@link EngineException}. Thread-safe.
 * Close frees the engine if it was loaded.
 */
public final class TextEmbeddings implements TextEmbedding {
    private final String modelId;
    private final Supplier<TextEmbedding> loader;
    private volatile TextEmbedding engine;
    private long failedAtNanos;
    private EngineException failure;
    private boolean closed;

    public TextEmbeddings(String modelId, Supplier<TextEmbedding> loader) {
        this.modelId = modelId;
        this.loader = loader;
    }

    /** all-MiniLM-L6-v2 in process; DJL's tokenizer library is extracted under {@code dataDir/cache/djl}. */
    public static TextEmbeddings miniLm(Path dataDir) {
        return new TextEmbeddings(MiniLmEmbedding.MODEL_ID, () -> MiniLmEmbedding.load(dataDir.resolve("cache").resolve("djl")));
    }

    /**
     * The configured engine: the OpenAI-compatible server of {@code remote} when it has a URL (no model to load),
     * else all-MiniLM-L6-v2 in process.
     */
    public static TextEmbeddings configured(RemoteEmbeddings remote, Path dataDir) {
        if (remote == null || remote.url() == null) return miniLm(dataDir);
        OpenAiEmbeddings engine = new OpenAiEmbeddings(remote.url(), remote.apiKey(), remote.model(), Duration.ofSeconds(remote.timeoutSeconds()));
        return new TextEmbeddings(engine.modelId(), () -> engine);
    }

    /** Whether the engine has been loaded (it loads on first use); never loads it. */
    public boolean loaded() {
        return engine != null;
    }

    /** The configured model id, known before loading (what the stored vectors are keyed by). */
    public String configuredModelId() {
        return modelId;
    }

    /** The loaded engine (loading it now if needed). */
    public TextEmbedding engine() {
        TextEmbedding e = engine;
        if (e != null) return e;
        synchronized (this) {
            if (closed) throw new EngineException("the embedding engine is closed", null, false);
            if (engine != null) return engine;
            if (failure != null && System.nanoTime() - failedAtNanos < 30_000_000_000L) throw failure;
            try {
                TextEmbedding loaded = loader.get();
                if (!loaded.modelId().equals(modelId)) {
                    loaded.close();
                    throw new EngineException("embedding engine " + loaded.modelId() + " loaded where " + modelId + " was configured", null, false);
                }
                engine = loaded;
                return loaded;
            } catch (EngineException ex) {
                failure = ex;
                failedAtNanos = System.nanoTime();
                throw ex;
            }
        }
    }

    @Override
    public float[][] embed(List<String> texts) {
        return engine().embed(texts);
    }

    @Override
    public int dimensions() {
        return engine().dimensions();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) engine.close();
    }
}
