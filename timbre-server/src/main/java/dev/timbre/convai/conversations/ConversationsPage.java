package dev.timbre.convai.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GetConversationsPageResponseModel}. */
public record ConversationsPage(List<ConversationSummary> conversations,
                                @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, boolean hasMore) {}
