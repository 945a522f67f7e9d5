package dev.timbre.user;

/**
 * What a charge paid for, kept with every charge for {@code GET /v1/usage/character-stats}.
 *
 * @param product one of the product constants
 * @param voiceId the voice, or null (a dialogue has several)
 * @param modelId the model, or null
 */
public record ChargedFor(String product, String voiceId, String modelId) {
    public static final String TEXT_TO_SPEECH = "text_to_speech";
    public static final String TEXT_TO_DIALOGUE = "text_to_dialogue";
    public static final String SOUND_GENERATION = "sound_generation";
    public static final String AUDIO_ISOLATION = "audio_isolation";
}
