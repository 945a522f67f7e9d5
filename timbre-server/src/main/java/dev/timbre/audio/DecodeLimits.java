package dev.timbre.audio;

import java.time.Duration;
import java.util.Map;

/**
 * The limits every upload decode runs under (speech to text, forced alignment, instant-cloning samples).
 *
 * <ul>
 *   <li>{@code maxInputBytes}: the largest upload (default 1 GiB, ElevenLabs' speech-to-text limit).</li>
 *   <li>{@code maxSeconds}: the longest audio (default 4.5 h).</li>
 *   <li>{@code maxDecodedBytes}: the budget in decoded bytes, samples × channels × 2 at the file's own rate, checked
 *       from the header before anything is allocated and again as frames arrive (default 1.5 GiB: 2.5 h of 44.1 kHz
 *       stereo, 13 h of 16 kHz mono; a 10-minute 192 kHz 8-channel file is over it).</li>
 *   <li>{@code timeout}: the deadline of one decode (default 300 s); ffmpeg is killed, the Java decoders stop.</li>
 *   <li>{@code concurrency}: decodes running at once (default half the processors, at least 2); a decode beyond it
 *       waits up to {@code queueWait} (default 10 s) and is then refused as busy (HTTP 429).</li>
 * </ul>
 * Environment variables override the defaults: {@code TIMBRE_DECODE_MAX_DECODED_BYTES},
 * {@code TIMBRE_DECODE_MAX_SECONDS}, {@code TIMBRE_DECODE_TIMEOUT_SECONDS}, {@code TIMBRE_DECODE_CONCURRENCY},
 * {@code TIMBRE_DECODE_QUEUE_WAIT_SECONDS}.
 */
public record DecodeLimits(long maxInputBytes, double maxSeconds, long maxDecodedBytes, Duration timeout, int concurrency, Duration queueWait) {
    public static final long DEFAULT_MAX_INPUT_BYTES = 1L << 30;
    public static final double DEFAULT_MAX_SECONDS = 4.5 * 3600;
    public static final long DEFAULT_MAX_DECODED_BYTES = 3L << 29; // 1.5 GiB
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    /** The defaults, with the environment's overrides applied (read once). */
    public static final DecodeLimits CONFIGURED = fromEnvironment(System.getenv());

    public DecodeLimits {
        if (maxInputBytes <= 0 || !(maxSeconds > 0) || maxDecodedBytes <= 0 || concurrency < 1
                || timeout.isNegative() || timeout.isZero() || queueWait.isNegative()) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }

    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_SECONDS, DEFAULT_MAX_DECODED_BYTES, DEFAULT_TIMEOUT,
                Math.max(2, Runtime.getRuntime().availableProcessors() / 2), Duration.ofSeconds(10));
    }

    /** The defaults with the {@code TIMBRE_DECODE_*} variables of {@code env} applied; a malformed value is an error. */
    public static DecodeLimits fromEnvironment(Map<String, String> env) {
        DecodeLimits d = defaults();
        return new DecodeLimits(d.maxInputBytes,
                number(env, "TIMBRE_DECODE_MAX_SECONDS", d.maxSeconds),
                (long) number(env, "TIMBRE_DECODE_MAX_DECODED_BYTES", d.maxDecodedBytes),
                Duration.ofMillis((long) (1000 * number(env, "TIMBRE_DECODE_TIMEOUT_SECONDS", d.timeout.toMillis() / 1000.0))),
                (int) number(env, "TIMBRE_DECODE_CONCURRENCY", d.concurrency),
                Duration.ofMillis((long) (1000 * number(env, "TIMBRE_DECODE_QUEUE_WAIT_SECONDS", d.queueWait.toMillis() / 1000.0))));
    }

    public DecodeLimits withMaxInputBytes(long bytes) { return new DecodeLimits(bytes, maxSeconds, maxDecodedBytes, timeout, concurrency, queueWait); }

    public DecodeLimits withMaxSeconds(double seconds) { return new DecodeLimits(maxInputBytes, seconds, maxDecodedBytes, timeout, concurrency, queueWait); }

    public DecodeLimits withMaxDecodedBytes(long bytes) { return new DecodeLimits(maxInputBytes, maxSeconds, bytes, timeout, concurrency, queueWait); }

    public DecodeLimits withTimeout(Duration t) { return new DecodeLimits(maxInputBytes, maxSeconds, maxDecodedBytes, t, concurrency, queueWait); }

    private static double number(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d > 0) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, got '" + v + "'");
        }
    }
}
