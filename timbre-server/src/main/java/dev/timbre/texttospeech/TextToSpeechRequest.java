package dev.timbre.texttospeech;

import java.util.List;

/** The JSON body of the text-to-speech endpoints ({@code Body_text_to_speech_full} and its variants). */
public record TextToSpeechRequest(
        String text,
        String modelId,
        String languageCode,
        VoiceSettings voiceSettings,
        List<PronunciationDictionaryLocator> pronunciationDictionaryLocators,
        Long seed,
        String previousText,
        String nextText,
        List<String> previousRequestIds,
        List<String> nextRequestIds,
        Boolean usePvcAsIvc,
        String applyTextNormalization,
        Boolean applyLanguageTextNormalization) {

    public static final String DEFAULT_MODEL = "eleven_multilingual_v2";

    public String modelIdOrDefault() {
        return modelId == null || modelId.isBlank() ? DEFAULT_MODEL : modelId;
    }

    /** Per-request voice settings; any field left out falls back to the voice's stored value. */
    public record VoiceSettings(Double stability, Double similarityBoost, Double style, Boolean useSpeakerBoost, Double speed) {}

    public record PronunciationDictionaryLocator(String pronunciationDictionaryId, String versionId) {}
}
