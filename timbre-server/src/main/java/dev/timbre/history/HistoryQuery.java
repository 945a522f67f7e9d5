package dev.timbre.history;

/**
 * Filters for listing history; null means "any". {@code dateBeforeUnix} is exclusive, {@code dateAfterUnix}
 * inclusive. {@code search} matches a substring of the text, ignoring case. {@code startAfterHistoryItemId} is
 * the cursor: the page starts after that item in the chosen order.
 */
public record HistoryQuery(
        int pageSize,
        String startAfterHistoryItemId,
        String voiceId,
        String modelId,
        Long dateBeforeUnix,
        Long dateAfterUnix,
        boolean ascending,
        String search,
        String source) {

    public static HistoryQuery firstPage(int pageSize) {
        return new HistoryQuery(pageSize, null, null, null, null, null, false, null, null);
    }
}
