package dev.timbre.engines;

import dev.timbre.engine.VoiceActivityDetector;
import dev.timbre.engine.silero.EnergyVoiceActivityDetector;
import dev.timbre.engine.silero.SileroModel;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's voice activity detection for voice conversations: Silero VAD v5 loaded once at start-up (one ONNX
 * session shared by every conversation), or the energy detector when the model is missing or ONNX Runtime cannot run
 * here (logged once). {@link #get} gives a new detector per conversation (detectors keep state). Thread-safe. Closing
 * it waits for the Silero frames being scored and frees the ONNX session; detectors still held (conversations ending
 * as the server stops) then score every frame 0 instead of running on a freed session.
 */
public final class VoiceActivityDetectors implements Supplier<VoiceActivityDetector>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceActivityDetectors.class);

    private final SileroModel model;
    /** Frames are scored under the read lock; {@link #close} takes the write lock. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

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
        return model != null ? new Guarded(model.open()) : new EnergyVoiceActivityDetector();
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            if (model != null) model.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A Silero detector that never runs after {@link #close}. */
    private final class Guarded implements VoiceActivityDetector {
        private final VoiceActivityDetector detector;

        Guarded(VoiceActivityDetector detector) {
            this.detector = detector;
        }

        @Override
        public int frameSamples() {
            return detector.frameSamples();
        }

        @Override
        public float speechProbability(short[] frame) {
            lock.readLock().lock();
            try {
                return closed ? 0f : detector.speechProbability(frame);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void close() {
            detector.close();
        }
    }
}
