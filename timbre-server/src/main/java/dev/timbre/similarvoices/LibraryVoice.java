package dev.timbre.similarvoices;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.timbre.voices.VoiceResponse;
import java.util.List;

/**
 * {@code LibraryVoiceResponseModel}, fields in the OpenAPI order, for a voice of this installation: the owner is this
 * server ({@link #OWNER}), usage counts are 0, and {@code rate} carries nothing (no library pricing).
 */
public record LibraryVoice(String publicOwnerId, String voiceId, long dateUnix, String name, String accent, String gender,
                           String age, String descriptive, String useCase, String category, String language, String locale,
                           String description, String previewUrl,
                           @JsonProperty("usage_character_count_1y") long usageCharacterCount1y,
                           @JsonProperty("usage_character_count_7d") long usageCharacterCount7d,
                           @JsonProperty("play_api_usage_character_count_1y") long playApiUsageCharacterCount1y, long clonedByCount, Double rate, Double fiatRate,
                           boolean freeUsersAllowed, boolean liveModerationEnabled, boolean featured,
                           List<Object> verifiedLanguages, Long noticePeriod, String instagramUsername, String twitterUsername,
                           String youtubeUsername, String tiktokUsername, String imageUrl, Boolean isAddedByUser) {
    static final String OWNER = "timbre";

    /** {@code GetLibraryVoicesResponseModel}. */
    public record Page(List<LibraryVoice> voices, boolean hasMore, String lastSortId) {}

    static LibraryVoice of(VoiceResponse v) {
        var l = v.labels() == null ? java.util.Map.<String, String>of() : v.labels();
        return new LibraryVoice(OWNER, v.voiceId(), v.createdAtUnix() == null ? 0 : v.createdAtUnix(), v.name(),
                l.getOrDefault("accent", ""), l.getOrDefault("gender", ""), l.getOrDefault("age", ""),
                l.getOrDefault("description", ""), l.getOrDefault("use_case", ""), v.category(), l.get("language"), null,
                v.description(), v.previewUrl(), 0, 0, 0, 0, null, null, true, false, false, List.of(), null, null, null,
                null, null, null, true);
    }
}
