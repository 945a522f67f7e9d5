package dev.timbre.engine;

/**
 * How a voice departs from its base engine voice: what an instant or professional clone, a designed voice or a remix
 * stores, and what an engine applies on top of the base voice when it speaks. {@link #NEUTRAL} is the base voice
 * itself. Values are clamped to the ranges below, so any stored shape is safe to hand to any engine; an engine that
 * cannot apply a dimension ignores it (its capabilities say which it applies).
 *
 * @param pitchSemitones shift of the voice's median pitch, −12..12 semitones (0 = the base voice's)
 * @param pitchRange     scale of the pitch's movement around its median, 0.25..2 (1 = the base voice's; lower is flatter)
 * @param rate           speaking rate against the base voice, 0.5..2 (1 = the base voice's; multiplies the request's speed)
 * @param formantScale   vocal-tract (formant) scale, 0.8..1.25 (1 = the base voice's; above 1 sounds smaller/younger)
 */
public record VoiceShape(double pitchSemitones, double pitchRange, double rate, double formantScale) {
    public static final VoiceShape NEUTRAL = new VoiceShape(0, 1, 1, 1);

    public VoiceShape {
        pitchSemitones = clamp(pitchSemitones, -12, 12, 0);
        pitchRange = clamp(pitchRange, 0.25, 2, 1);
        rate = clamp(rate, 0.5, 2, 1);
        formantScale = clamp(formantScale, 0.8, 1.25, 1);
    }

    /** True when speaking with this shape is speaking with the base voice unchanged. */
    public boolean neutral() {
        return equals(NEUTRAL);
    }

    /**
     * This shape moved by {@code change}, scaled by {@code strength} (1: all of it; 0: unchanged): pitch shifts add,
     * ranges, rates and formant scales multiply (raised to {@code strength}).
     */
    public VoiceShape movedBy(VoiceShape change, double strength) {
        return new VoiceShape(pitchSemitones + change.pitchSemitones * strength, pitchRange * Math.pow(change.pitchRange, strength),
                rate * Math.pow(change.rate, strength), formantScale * Math.pow(change.formantScale, strength));
    }

    /** The pitch factor of {@link #pitchSemitones}: 2^(semitones/12). */
    public double pitchFactor() {
        return Math.pow(2, pitchSemitones / 12.0);
    }

    private static double clamp(double v, double min, double max, double ifNaN) {
        if (Double.isNaN(v)) return ifNaN;
        return Math.max(min, Math.min(max, v));
    }
}
