package dev.timbre.convai.conversation.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-use grants already spent: conversation ids of signed URLs and tokens that opened a conversation, each
 * kept until its grant expires. Implementations are thread-safe; {@link UsedGrantRepository} keeps them across
 * restarts, {@link #inMemory()} only for the life of the process (tests).
 */
public interface UsedGrants {
    /**
     * Spends the grant of {@code conversationId}: true the first time, false when it was spent before and has not
     * expired. {@code expiresUnix} (epoch seconds) is when it may be forgotten; {@code nowUnix} lets entries already
     * expired go.
     */
    boolean spend(String conversationId, long expiresUnix, long nowUnix);

    /** Spent grants in this process's memory only. */
    static UsedGrants inMemory() {
        Map<String, Long> used = new ConcurrentHashMap<>();
        return (conversationId, expiresUnix, nowUnix) -> {
            used.values().removeIf(exp -> exp < nowUnix);
            return used.putIfAbsent(conversationId, expiresUnix) == null;
        };
    }
}
