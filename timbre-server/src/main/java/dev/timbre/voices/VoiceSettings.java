package dev.timbre.voices;

import dev.timbre.engine.VoiceTuning;
import dev.timbre.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code VoiceSettingsResponseModel}: the wire shape of voice settings, in the seed's field order. As a request every
 * field may be null ("keep what is there"); {@link #over(VoiceSettings)} fills the gaps. Stored and returned settings
 * are complete.
 */
public record VoiceSettings(Double stability, Boolean useSpeakerBoost, Double similarityBoost, Double style, Double speed) {
    public static final VoiceSettings DEFAULT = new VoiceSettings(0.5, true, 0.75, 0.0, 1.0);

    public static final double MIN_SPEED = 0.7, MAX_SPEED = 1.2;

    /** These settings, with each null field taken from {@code base}. */
    public VoiceSettings over(VoiceSettings base) {
        return new VoiceSettings(
                stability != null ? stability : base.stability,
                useSpeakerBoost != null ? useSpeakerBoost : base.useSpeakerBoost,
                similarityBoost != null ? similarityBoost : base.similarityBoost,
                style != null ? style : base.style,
                speed != null ? speed : base.speed);
    }

    /** Throws a 422 listing every field out of range; {@code loc} is where the settings sit, e.g. {@code "body"}. */
    public VoiceSettings validate(Object... loc) {
        List<ApiException.Violation> v = new ArrayList<>();
        check(v, stability, 0, 1, "stability", loc);
        check(v, similarityBoost, 0, 1, "similarity_boost", loc);
        check(v, style, 0, 1, "style", loc);
        check(v, speed, MIN_SPEED, MAX_SPEED, "speed", loc);
        if (!v.isEmpty()) throw ApiException.validation(v);
        return this;
    }

    private static void check(List<ApiException.Violation> out, Double value, double min, double max, String field, Object[] loc) {
        if (value == null) return;
        List<Object> where = new ArrayList<>(List.of(loc));
        where.add(field);
        if (value.isNaN() || value < min) {
            out.add(new ApiException.Violation(where, "Input should be greater than or equal to " + min, "greater_than_equal"));
        } else if (value > max) {
            out.add(new ApiException.Violation(where, "Input should be less than or equal to " + max, "less_than_equal"));
        }
    }

    /** The engine's view; null fields take the defaults. */
    public VoiceTuning toTuning() {
        VoiceSettings s = over(DEFAULT);
        return new VoiceTuning(s.stability, s.similarityBoost, s.style, s.useSpeakerBoost, s.speed);
    }
}
