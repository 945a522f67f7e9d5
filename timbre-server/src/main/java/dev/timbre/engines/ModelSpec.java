package dev.timbre.engines;

/** One entry of {@code models.yaml}: an ElevenLabs model id, the capability it needs and what the API reports. */
public record ModelSpec(
        String modelId,
        String capability,
        String name,
        String description,
        boolean canBeFinetuned,
        boolean canUseStyle,
        boolean canUseSpeakerBoost,
        boolean servesProVoices,
        int maxCharactersRequestFreeUser,
        int maxCharactersRequestSubscribedUser,
        int maximumTextLengthPerRequest,
        double characterCostMultiplier,
        String concurrencyGroup) {

    public static final String TEXT_TO_SPEECH = "text_to_speech";
    public static final String SPEECH_TO_SPEECH = "speech_to_speech";
    public static final String SPEECH_TO_TEXT = "speech_to_text";
}
