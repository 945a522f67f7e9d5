package dev.timbre.texttospeech;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.ApiException;

/**
 * Timbre's extension of the text-to-speech body, {@code timbre_voice_shape}: {@code pitch_semitones}, {@code pitch_range},
 * {@code formant_scale} (each optional, clamped to {@link VoiceShape}'s ranges). An API node that routes a synthesis
 * of a fitted clone or designed voice to an engine node sends the voice's shape this way (its rate travels as
 * {@code voice_settings.speed}), and the engine node speaks its base voice with that shape on top of the voice's
 * own. Other servers ignore the field. Absent: the voice as it is. Stateless.
 */
final class RequestedShape {
    static final String FIELD = "timbre_voice_shape";

    private RequestedShape() {}

    /** The shape the body asks for, or null when it asks for none; a field that is not a number is a 422. */
    static VoiceShape of(JsonNode body) {
        JsonNode s = body == null ? null : body.get(FIELD);
        if (s == null || s.isNull()) return null;
        if (!s.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", FIELD);
        return new VoiceShape(number(s, "pitch_semitones", 0), number(s, "pitch_range", 1), 1, number(s, "formant_scale", 1));
    }

    private static double number(JsonNode s, String name, double absent) {
        JsonNode v = s.get(name);
        if (v == null || v.isNull()) return absent;
        if (!v.isNumber()) throw ApiException.invalid("Input should be a valid number", "float_type", "body", FIELD, name);
        return v.asDouble();
    }
}
