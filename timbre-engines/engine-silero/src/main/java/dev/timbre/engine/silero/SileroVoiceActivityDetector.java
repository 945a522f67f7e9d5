package dev.timbre.engine.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.VoiceActivityDetector;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v5 on one 16 kHz stream: 512-sample frames (32 ms), each scored with the 64 samples before it as
 * context and the recurrent state of the frames before. Not thread-safe: one stream, one caller at a time.
 */
public final class SileroVoiceActivityDetector implements VoiceActivityDetector {
    static final int FRAME = 512;
    private static final int CONTEXT = 64;
    private static final long[] INPUT_SHAPE = {1, CONTEXT + FRAME};
    private static final long[] STATE_SHAPE = {2, 1, 128};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final float[] input = new float[CONTEXT + FRAME];
    private float[] state = new float[2 * 128];

    SileroVoiceActivityDetector(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    @Override
    public int frameSamples() { return FRAME; }

    @Override
    public float speechProbability(short[] frame) {
        if (frame.length != FRAME) throw new IllegalArgumentException("Silero VAD takes frames of " + FRAME + " samples, got " + frame.length);
        System.arraycopy(input, FRAME, input, 0, CONTEXT); // the last 64 samples of the previous frame
        for (int i = 0; i < FRAME; i++) input[CONTEXT + i] = frame[i] / 32768f;
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), INPUT_SHAPE);
             OnnxTensor s = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), STATE_SHAPE);
             OnnxTensor sr = OnnxTensor.createTensor(env, 16000L);
             OrtSession.Result r = session.run(Map.of("input", x, "state", s, "sr", sr))) {
            float p = ((float[][]) r.get(0).getValue())[0][0];
            float[][][] next = (float[][][]) r.get(1).getValue();
            float[] flat = new float[2 * 128];
            for (int a = 0; a < 2; a++) System.arraycopy(next[a][0], 0, flat, a * 128, 128);
            state = flat;
            return p;
        } catch (OrtException e) {
            throw new EngineException("Silero VAD failed: " + e.getMessage(), e, false);
        }
    }

    /** Forgets the stream so far (a new utterance or call). */
    public void reset() {
        java.util.Arrays.fill(input, 0);
        state = new float[2 * 128];
    }
}
