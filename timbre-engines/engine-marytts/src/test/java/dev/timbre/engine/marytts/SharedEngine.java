package dev.timbre.engine.marytts;

/** The one engine the tests share: MaryTTS starts once per JVM anyway, and slowly. */
final class SharedEngine {
    static final MaryTextToSpeech ENGINE;
    /** Seconds the first construction took (MaryTTS start-up plus warm-up). */
    static final double LOAD_SECONDS;

    static {
        long t0 = System.nanoTime();
        ENGINE = new MaryTextToSpeech();
        LOAD_SECONDS = (System.nanoTime() - t0) / 1e9;
    }

    private SharedEngine() {}
}
