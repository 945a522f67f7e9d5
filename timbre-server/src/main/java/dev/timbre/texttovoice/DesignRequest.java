package dev.timbre.texttovoice;

import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON body of {@code design} ({@code VoiceDesignRequestModel}), {@code create-previews}
 * ({@code VoicePreviewsRequestModel}) and {@code remix} ({@code VoiceRemixRequestModel}): one record, since the three
 * share their fields. {@code reference_audio_base64}, {@code remixing_session_*}, {@code quality} and (the SDK's)
 * {@code should_enhance} are accepted and have no effect here; {@code stream_previews} leaves the audio out of the response (fetch it from
 * {@code /{generated_voice_id}/stream}).
 */
public record DesignRequest(String voiceDescription, String modelId, String text, Boolean autoGenerateText, Double loudness,
                            Double quality, Long seed, Double guidanceScale, Boolean streamPreviews, String remixingSessionId,
                            String remixingSessionIterationId, String referenceAudioBase64, Double promptStrength) {
    static final Set<String> MODELS = Set.of("eleven_multilingual_ttv_v2", "eleven_ttv_v3");

    double loudnessOrDefault() { return loudness == null ? 0.5 : loudness; }

    double guidanceScaleOrDefault() { return guidanceScale == null ? 5 : guidanceScale; }

    /** {@code prompt_strength} of a remix; 0.5 when not sent. */
    double promptStrengthOrDefault() { return promptStrength == null ? 0.5 : promptStrength; }

    boolean streamed() { return Boolean.TRUE.equals(streamPreviews); }

    /** Checks the fields against the OpenAPI's limits; every violation in one 422. */
    DesignRequest validate() {
        List<Violation> v = new ArrayList<>();
        if (voiceDescription == null) v.add(new Violation(List.of("body", "voice_description"), "Field required", "missing"));
        else length(v, voiceDescription, 20, 1000, "voice_description");
        if (modelId != null && !MODELS.contains(modelId)) {
            v.add(new Violation(List.of("body", "model_id"), "Input should be 'eleven_multilingual_ttv_v2' or 'eleven_ttv_v3'", "enum"));
        }
        if (text != null) length(v, text, 100, 1000, "text");
        if (text != null && text.length() >= 100 && text.isBlank()) {
            v.add(new Violation(List.of("body", "text"), "Text must contain words to speak", "value_error"));
        }
        range(v, loudness, -1, 1, "loudness");
        range(v, quality, -1, 1, "quality");
        range(v, guidanceScale, 0, 100, "guidance_scale");
        range(v, promptStrength, 0, 1, "prompt_strength");
        if (seed != null && (seed < 0 || seed > Integer.MAX_VALUE)) {
            v.add(new Violation(List.of("body", "seed"), "Input should be between 0 and 2147483647", "value_error"));
        }
        if (referenceAudioBase64 != null && referenceAudioBase64.length() > 20_000_000) {
            v.add(new Violation(List.of("body", "reference_audio_base64"), "Reference audio must be at most 15 MB", "string_too_long"));
        }
        if (!v.isEmpty()) throw ApiException.validation(v);
        return this;
    }

    static void length(List<Violation> v, String value, int min, int max, String field) {
        if (value.length() < min) {
            v.add(new Violation(List.of("body", field), "String should have at least " + min + " characters", "string_too_short"));
        } else if (value.length() > max) {
            v.add(new Violation(List.of("body", field), "String should have at most " + max + " characters", "string_too_long"));
        }
    }

    private static void range(List<Violation> v, Double value, double min, double max, String field) {
        if (value == null) return;
        if (value.isNaN() || value < min || value > max) {
            v.add(new Violation(List.of("body", field), "Input should be between " + fmt(min) + " and " + fmt(max), "value_error"));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
