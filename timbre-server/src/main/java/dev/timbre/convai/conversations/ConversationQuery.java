package dev.timbre.convai.conversations;

/**
 * A list request; null filters are not applied. The list is newest first (start time, then insertion order).
 *
 * @param startBeforeUnix only conversations that started before this Unix second (exclusive)
 * @param startAfterUnix only conversations that started after this Unix second (exclusive)
 * @param includeSummary {@code summary_mode=include}: fill {@code transcript_summary} and {@code call_summary_title}
 * @param cursor the {@code next_cursor} of the previous page, or null for the first page
 */
public record ConversationQuery(int pageSize, String agentId, String callSuccessful, Long startBeforeUnix, Long startAfterUnix,
                                String userId, boolean includeSummary, String cursor) {
    public static ConversationQuery firstPage(int pageSize) {
        return new ConversationQuery(pageSize, null, null, null, null, null, false, null);
    }
}
