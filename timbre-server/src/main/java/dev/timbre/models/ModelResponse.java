package dev.timbre.models;

import java.util.List;

/** {@code ModelResponseModel}: one entry of {@code GET /v1/models}. */
public record ModelResponse(
        String modelId,
        String name,
        boolean canBeFinetuned,
        boolean canDoTextToSpeech,
        boolean canDoVoiceConversion,
        boolean canUseStyle,
        boolean canUseSpeakerBoost,
        boolean servesProVoices,
        double tokenCostFactor,
        String description,
        boolean requiresAlphaAccess,
        int maxCharactersRequestFreeUser,
        int maxCharactersRequestSubscribedUser,
        int maximumTextLengthPerRequest,
        List<Language> languages,
        ModelRates modelRates,
        String concurrencyGroup) {

    public record Language(String languageId, String name) {}

    public record ModelRates(double characterCostMultiplier) {}
}
