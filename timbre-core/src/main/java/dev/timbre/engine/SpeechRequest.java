package dev.timbre.engine;

/**
 * One synthesis request.
 *
 * @param voiceId the engine's voice id ({@link VoiceDescriptor#id()})
 * @param languageCode ISO 639-1 code, or null to let the engine decide
 * @param seed for engines with randomness; null for none
 */
public record SpeechRequest(String text, String voiceId, String languageCode, VoiceTuning tuning, Long seed) {
    public SpeechRequest {
        if (text == null) throw new IllegalArgumentException("text is required");
        if (tuning == null) tuning = VoiceTuning.DEFAULT;
    }
}
