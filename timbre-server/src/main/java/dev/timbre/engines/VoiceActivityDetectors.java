package dev.timbre.engines;

import dev.timbre.engine.VoiceActivityDetector;
import dev.timbre.engine.silero.EnergyVoiceActivityDetector;
import dev.timbre.engine.silero.SileroModel;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's voice activity detection for voice conversations: Silero VAD v5 loaded once at start-up (one ONNX
 * session shared by every conversation), or the energy detector when the model is missing or ONNX Runtime cannot run
 * here (logged once). {@link #get} gives a new detector per conversation (detectors keep state). Thread-safe; close it
 * after the conversations that use it have ended.
 */
public final class VoiceActivityDetectors implements Supplier<VoiceActivityDetector>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceActivityDetectors.class);

    private final SileroModel model;

    private VoiceActivityDetectors(SileroModel model) {
        this.model = model;
    }

    /** Loads Silero (about 40 ms); never fails: without the model the energy detector stands in. */
    public static VoiceActivityDetectors load() {
        try {
            long t0 = System.nanoTime();
            SileroModel model = SileroModel.load();
            LOG.info("loaded Silero VAD in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return new VoiceActivityDetectors(model);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Silero VAD not loaded ({}); voice conversations use the energy detector", e.toString());
            return energyOnly();
        }
    }

    /** The energy detector only (tests, or a server without the model). */
    public static VoiceActivityDetectors energyOnly() {
        return new VoiceActivityDetectors(null);
    }

    /** Which detector {@link #get} gives: {@code silero} or {@code energy}. */
    public String kind() {
        return model != null ? "silero" : "energy";
    }

    @Override
    public VoiceActivityDetector get() {
        return model != null ? model.open() : new EnergyVoiceActivityDetector();
    }

    @Override
    public void close() {
        if (model != null) model.close();
    }
}
