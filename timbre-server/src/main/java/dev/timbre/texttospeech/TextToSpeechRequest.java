package dev.timbre.texttospeech;

import dev.timbre.voices.VoiceSettings;
import java.util.List;

/** The JSON body of the text-to-speech endpoints ({@code Body_text_to_speech_full} and its variants). */
public record TextToSpeechRequest(
        String text,
        String modelId,
        String languageCode,
        VoiceSettings voiceSettings, // per request; a field left out keeps the voice's stored value
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

    /**
     * The request as {@code optimize_streaming_latency} asks: level 4 turns the text normaliser off, as ElevenLabs
     * documents, unless the request itself asks for normalisation ({@code "on"}).
     */
    public TextToSpeechRequest withStreamingLatency(int level) {
        if (level < 4 || "on".equalsIgnoreCase(applyTextNormalization)) return this;
        return new TextToSpeechRequest(text, modelId, languageCode, voiceSettings, pronunciationDictionaryLocators, seed,
                previousText, nextText, previousRequestIds, nextRequestIds, usePvcAsIvc, "off", applyLanguageTextNormalization);
    }

    public record PronunciationDictionaryLocator(String pronunciationDictionaryId, String versionId) {}
}
