package dev.timbre.voices;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code VoiceResponseModel} and the shapes nested in it, fields in the OpenAPI order. */
public record VoiceResponse(
        String voiceId,
        String name,
        List<Sample> samples,
        String category,
        FineTuning fineTuning,
        Map<String, String> labels,
        String description,
        String previewUrl,
        List<String> availableForTiers,
        VoiceSettings settings,
        Object sharing,
        List<String> highQualityBaseModelIds,
        List<VerifiedLanguage> verifiedLanguages,
        String safetyControl,
        Verification voiceVerification,
        String permissionOnResource,
        @JsonProperty("is_owner") Boolean isOwner,
        @JsonProperty("is_legacy") boolean isLegacy,
        @JsonProperty("is_mixed") boolean isMixed,
        Long createdAtUnix) {

    /** This voice with a preview path made absolute against the server's base URL (e.g. {@code http://host:8080}). */
    public VoiceResponse withBaseUrl(String baseUrl) {
        if (previewUrl == null || !previewUrl.startsWith("/")) return this;
        return new VoiceResponse(voiceId, name, samples, category, fineTuning, labels, description, baseUrl + previewUrl,
                availableForTiers, settings, sharing, highQualityBaseModelIds, verifiedLanguages, safetyControl, voiceVerification,
                permissionOnResource, isOwner, isLegacy, isMixed, createdAtUnix);
    }

    /** {@code SampleResponseModel}. */
    public record Sample(
            String sampleId,
            String fileName,
            String mimeType,
            long sizeBytes,
            String hash,
            Double durationSecs,
            Boolean removeBackgroundNoise,
            Boolean hasIsolatedAudio,
            Boolean hasIsolatedAudioPreview,
            Object speakerSeparation,
            Integer trimStart,
            Integer trimEnd) {}

    /** {@code FineTuningResponseModel}; instant clones and premade voices are never fine-tuned. */
    public record FineTuning(
            @JsonProperty("is_allowed_to_fine_tune") boolean isAllowedToFineTune,
            Map<String, String> state,
            List<String> verificationFailures,
            int verificationAttemptsCount,
            boolean manualVerificationRequested,
            String language,
            Map<String, Double> progress,
            Map<String, String> message,
            Double datasetDurationSeconds,
            List<Object> verificationAttempts,
            List<String> sliceIds,
            Object manualVerification,
            Integer maxVerificationAttempts,
            Long nextMaxVerificationAttemptsResetUnixMs) {

        public static FineTuning none(String language) {
            return new FineTuning(false, Map.of(), List.of(), 0, false, language, null, null, null, null, null, null, null, null);
        }
    }

    /** {@code VoiceVerificationResponseModel}; nothing here needs verification. */
    public record Verification(
            boolean requiresVerification,
            @JsonProperty("is_verified") boolean isVerified,
            List<String> verificationFailures,
            int verificationAttemptsCount,
            String language,
            List<Object> verificationAttempts) {

        public static Verification notRequired(String language) {
            return new Verification(false, false, List.of(), 0, language, null);
        }
    }

    /** {@code VerifiedVoiceLanguageResponseModel}. */
    public record VerifiedLanguage(String language, String modelId, String accent, String locale, String previewUrl) {}
}
