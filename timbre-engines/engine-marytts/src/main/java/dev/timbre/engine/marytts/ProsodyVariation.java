package dev.timbre.engine.marytts;

import dev.timbre.engine.VoiceTuning;
import java.util.Random;

/**
 * ElevenLabs' {@code stability} and {@code style} as intonation: an SSML pitch contour laid over each sentence. Below
 * stability 0.5 the pitch swings by up to ±30% (at stability 0), and style adds up to ±25% more; at stability 0.5 or
 * more with style 0 the voice keeps its own intonation. The contour's shape comes from the request's seed and the
 * sentence's position, so the same request and seed always give the same audio. Thread-safe (stateless).
 */
final class ProsodyVariation {
    private static final int POINTS = 5;

    private ProsodyVariation() {}

    /** Peak pitch deviation in percent for these settings; 0 means no contour. */
    static double amplitude(VoiceTuning tuning) {
        double instability = Math.max(0, 0.5 - tuning.stability()) * 2;
        return 30 * instability + 25 * Math.max(0, Math.min(1, tuning.style()));
    }

    /** An SSML {@code contour} value such as {@code (0%,+12%)(25%,-8%)…}, or null for none. */
    static String contour(VoiceTuning tuning, Long seed, int sentence) {
        double amplitude = amplitude(tuning);
        if (amplitude < 1) return null;
        Random random = new Random((seed == null ? 0L : seed) * 1_000_003L + sentence);
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            long at = Math.round(100.0 * i / (POINTS - 1));
            long change = Math.round(amplitude * (2 * random.nextDouble() - 1));
            c.append('(').append(at).append("%,").append(change >= 0 ? "+" : "").append(change).append("%)");
        }
        return c.toString();
    }
}
