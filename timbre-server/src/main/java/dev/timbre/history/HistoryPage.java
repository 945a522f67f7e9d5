package dev.timbre.history;

import java.util.List;

/** {@code GetSpeechHistoryResponseModel}: one page of items; page on with {@code last_history_item_id}. */
public record HistoryPage(List<HistoryItem> history, String lastHistoryItemId, boolean hasMore, Long scannedUntil) {}
