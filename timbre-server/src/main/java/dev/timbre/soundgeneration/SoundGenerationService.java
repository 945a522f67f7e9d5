package dev.timbre.soundgeneration;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.FloatSamples;
import dev.timbre.http.ApiException;
import dev.timbre.soundgeneration.recipes.SoundRecipe;
import dev.timbre.soundgeneration.recipes.SoundSynthesizer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code POST /v1/sound-generation}: checks the request (422 for an empty text or values out of range), then renders
 * the prompt's {@link SoundRecipe} with {@link SoundSynthesizer} (seed: the request's, else the first 8 bytes of
 * SHA-256 of the text) and encodes it, or forwards it to the configured {@link SoundEffectsProvider}. The charge (and
 * cost header) follows ElevenLabs: 40 characters a second when a duration is given, else 200. Thread-safe; renders on the calling
 * thread (at most 30 s of audio: well under a second of CPU).
 */
public final class SoundGenerationService {
    static final int MAX_TEXT = 1000;
    static final double DEFAULT_INFLUENCE = 0.3;

    public record Result(byte[] audio, String contentType, int characterCost) {}

    /** Renders at once (each holds up to ~25 MB of float layers for 30 s); others wait {@link #WAIT_SECONDS} s, then 429. */
    static final int CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final long WAIT_SECONDS = 10;

    private final Optional<SoundEffectsProvider> provider;
    private final java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(CONCURRENT, true);

    public SoundGenerationService(Optional<SoundEffectsProvider> provider) {
        this.provider = provider;
    }

    /** Charges the caller's key; throws 401 {@code quota_exceeded}. */
    public interface Charging {
        void charge(int credits);
    }

    /** Checks, charges (after the checks, before any work), then renders or forwards. */
    public Result generate(SoundGenerationRequest r, OutputFormat format, Charging charging) {
        if (r == null || r.text() == null) throw ApiException.invalid("Field required", "missing", "body", "text");
        String text = r.text().strip();
        if (text.isEmpty()) throw ApiException.invalid("Text must not be empty", "string_too_short", "body", "text");
        if (text.length() > MAX_TEXT) throw ApiException.invalid("Text must be at most " + MAX_TEXT + " characters", "string_too_long", "body", "text");
        Double duration = r.durationSeconds();
        if (duration != null && !(duration >= 0.5 && duration <= 30)) {
            throw ApiException.invalid("duration_seconds must be between 0.5 and 30", "value_error", "body", "duration_seconds");
        }
        double influence = r.promptInfluence() == null ? DEFAULT_INFLUENCE : r.promptInfluence();
        if (!(influence >= 0 && influence <= 1)) {
            throw ApiException.invalid("prompt_influence must be between 0 and 1", "value_error", "body", "prompt_influence");
        }
        int cost = duration == null ? 200 : (int) Math.ceil(40 * duration);
        charging.charge(cost);
        if (provider.isPresent()) return new Result(provider.get().generate(r, format), format.contentType(), cost);
        SoundRecipe recipe = SoundRecipe.read(text);
        double seconds = duration != null ? duration : recipe.naturalSeconds();
        long seed = r.seed() != null ? r.seed() : textHash(text);
        acquire();
        try {
            float[] samples = SoundSynthesizer.render(recipe, seconds, Boolean.TRUE.equals(r.loop()), 1 - influence, seed);
            byte[] audio = AudioEncoder.encodeAll(FloatSamples.toPcm(samples), SoundSynthesizer.RATE, format);
            return new Result(audio, format.contentType(), cost);
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (slots.tryAcquire(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw ApiException.busy("too_many_concurrent_requests", "The server is busy generating other sounds; try again shortly.", 1);
    }

    static long textHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
