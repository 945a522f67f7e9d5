package dev.timbre.speech;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Engine latency for Prometheus: {@code timbre_speech_first_audio_seconds}, the time from opening a run (after its
 * slot was granted) to its first audio, per engine provider ({@code engine} tag: {@code marytts}, {@code elevenlabs}
 * for engine nodes…), as a histogram. Thread-safe; {@link #NONE} records nothing.
 */
public final class SpeechMetrics {
    /** Records nothing (tests, benchmarks). */
    public static final SpeechMetrics NONE = new SpeechMetrics(null);
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public SpeechMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run of {@code engine} had its first audio {@code nanos} after it opened. */
    void firstAudio(String engine, long nanos) {
        if (registry == null) return;
        timers.computeIfAbsent(engine, e -> Timer.builder("timbre.speech.first_audio")
                .description("Time from opening a synthesis to its first audio, per TTS engine")
                .tag("engine", e).serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
