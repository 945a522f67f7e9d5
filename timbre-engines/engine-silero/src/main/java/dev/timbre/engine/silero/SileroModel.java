package dev.timbre.engine.silero;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.timbre.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Silero VAD v5 loaded once from the classpath ({@code silero_vad_v5.onnx}, put there at build time). One ONNX
 * Runtime session serves every stream: {@link OrtSession#run} is thread-safe, and each
 * {@link SileroVoiceActivityDetector} keeps its own recurrent state. Close it last, after its detectors.
 */
public final class SileroModel implements AutoCloseable {
    static final String RESOURCE = "silero_vad_v5.onnx";

    private final OrtEnvironment env;
    private final OrtSession session;

    private SileroModel(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** Loads the model (about 40 ms); throws {@link EngineException} when it is missing or ONNX Runtime cannot run here. */
    public static SileroModel load() {
        try (InputStream in = SileroModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new EngineException("Silero VAD model " + RESOURCE + " is not on the classpath", null, false);
            byte[] model = in.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new SileroModel(env, env.createSession(model, options));
        } catch (IOException | OrtException | UnsatisfiedLinkError e) {
            throw new EngineException("cannot load Silero VAD: " + e.getMessage(), e instanceof Exception ex ? ex : null, false);
        }
    }

    /** A detector for one 16 kHz stream (its own state). */
    public SileroVoiceActivityDetector open() {
        return new SileroVoiceActivityDetector(env, session);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // the session is gone either way
        }
    }
}
