package dev.timbre.engine;

/**
 * One synthesis request.
 *
 * @param voiceId the engine's voice id ({@link VoiceDescriptor#id()})
 * @param languageCode ISO 639-1 code, or null to let the engine decide
 * @param seed for engines with randomness; null for none
 * @param shape how the voice departs from the engine voice (a clone's or a designed voice's); null: {@link VoiceShape#NEUTRAL}
 */
public record SpeechRequest(String text, String voiceId, String languageCode, VoiceTuning tuning, Long seed, VoiceShape shape) {
    public SpeechRequest {
        if (text == null) throw new IllegalArgumentException("text is required");
        if (tuning == null) tuning = VoiceTuning.DEFAULT;
        if (shape == null) shape = VoiceShape.NEUTRAL;
    }

    /** A request for the engine voice as it is. */
    public SpeechRequest(String text, String voiceId, String languageCode, VoiceTuning tuning, Long seed) {
        this(text, voiceId, languageCode, tuning, seed, VoiceShape.NEUTRAL);
    }

    /** This request with another text (a sentence, a segment), everything else kept. */
    public SpeechRequest withText(String other) {
        return new SpeechRequest(other, voiceId, languageCode, tuning, seed, shape);
    }
}
