package dev.timbre.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a generating service hands to {@link HistoryService#record}: the request it served and the finished audio.
 *
 * @param requestId the generation's request id (may be null)
 * @param voiceCategory {@code premade}, {@code cloned}, {@code generated}, {@code professional} or null
 * @param characterCountChangeFrom the workspace character count before this generation was charged
 * @param characterCountChangeTo the count after it
 * @param settings the voice settings used, as a JSON object, or null
 * @param source {@code TTS}, {@code STS}, … (the API's enum) or null
 * @param outputFormat the ElevenLabs output format of {@code audio}, e.g. {@code mp3_44100_128}
 * @param contentType the media type of {@code audio}, e.g. {@code audio/mpeg}
 * @param audio the complete audio bytes, exactly as returned to the client
 * @param dialogue for text-to-dialogue items, the inputs as {@code [{text, voice_id, voice_name}]}; otherwise null
 */
public record NewHistoryItem(
        String requestId,
        String voiceId,
        String voiceName,
        String voiceCategory,
        String modelId,
        String text,
        int characterCountChangeFrom,
        int characterCountChangeTo,
        JsonNode settings,
        String source,
        String outputFormat,
        String contentType,
        byte[] audio,
        JsonNode dialogue) {

    /** An item that is not a dialogue. */
    public NewHistoryItem(String requestId, String voiceId, String voiceName, String voiceCategory, String modelId, String text,
                          int characterCountChangeFrom, int characterCountChangeTo, JsonNode settings, String source,
                          String outputFormat, String contentType, byte[] audio) {
        this(requestId, voiceId, voiceName, voiceCategory, modelId, text, characterCountChangeFrom, characterCountChangeTo,
                settings, source, outputFormat, contentType, audio, null);
    }

    public NewHistoryItem {
        if (audio == null) throw new IllegalArgumentException("audio is required");
        if (contentType == null || contentType.isBlank()) throw new IllegalArgumentException("contentType is required");
    }
}
