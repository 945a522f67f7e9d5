package dev.timbre.texttodialogue;

import dev.timbre.texttospeech.TextToSpeechRequest.PronunciationDictionaryLocator;
import java.util.List;

/**
 * The JSON body of every text-to-dialogue endpoint ({@code Body_Text_to_dialogue__multi_voice__v1_text_to_dialogue_post}
 * and its variants). Fields the SDK may add beyond these are ignored.
 */
public record TextToDialogueRequest(
        List<DialogueInput> inputs,
        String modelId,
        String languageCode,
        Settings settings,
        List<PronunciationDictionaryLocator> pronunciationDictionaryLocators,
        Long seed,
        String applyTextNormalization) {

    /** The dialogue default, not the text-to-speech one. */
    public static final String DEFAULT_MODEL = "eleven_v3";

    public String modelIdOrDefault() {
        return modelId == null || modelId.isBlank() ? DEFAULT_MODEL : modelId;
    }

    /** One line of the script: {@code DialogueInput}. */
    public record DialogueInput(String text, String voiceId) {}

    /**
     * {@code ModelSettingsResponseModel} as the official SDK sends it; every field optional, applied over each voice's
     * stored settings. {@code similarity} is the SDK's name for the similarity boost.
     */
    public record Settings(Double stability, Boolean useSpeakerBoost, Double similarity) {}
}
