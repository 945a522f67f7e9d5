package dev.timbre.convai.conversation.transport;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Spent single-use grants in table {@code used_conversation_grants} (V13), so that a signed URL or token opens one
 * conversation even across a restart. The primary key decides between two concurrent spends. Thread-safe.
 */
public final class UsedGrantRepository implements UsedGrants {
    private final Jdbi jdbi;

    public UsedGrantRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean spend(String conversationId, long expiresUnix, long nowUnix) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM used_conversation_grants WHERE expires_unix < :now").bind("now", nowUnix).execute());
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO used_conversation_grants (conversation_id, expires_unix) "
                            + "SELECT :id, :expires WHERE NOT EXISTS (SELECT 1 FROM used_conversation_grants WHERE conversation_id = :id)")
                    .bind("id", conversationId).bind("expires", expiresUnix).execute()) == 1;
        } catch (UnableToExecuteStatementException duplicate) {
            // the other spend of a concurrent pair won the primary key
            return false;
        }
    }
}
