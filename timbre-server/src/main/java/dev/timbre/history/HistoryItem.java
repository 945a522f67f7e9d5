package dev.timbre.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code SpeechHistoryItemResponseModel}: one generated item as the API shows it. {@code settings},
 * {@code feedback}, {@code alignments} and {@code dialogue} are free JSON (or null) exactly as stored.
 */
public record HistoryItem(
        String historyItemId,
        String requestId,
        String voiceId,
        String modelId,
        String voiceName,
        String voiceCategory,
        String text,
        long dateUnix,
        long characterCountChangeFrom,
        long characterCountChangeTo,
        String contentType,
        String state,
        JsonNode settings,
        JsonNode feedback,
        String shareLinkId,
        String source,
        JsonNode alignments,
        JsonNode dialogue,
        String outputFormat) {}
