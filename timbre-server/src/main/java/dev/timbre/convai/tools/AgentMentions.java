package dev.timbre.convai.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timbre.http.Json;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Candidates for "dependent agents" of a tool, a knowledge-base document or an MCP server: agents whose stored
 * configuration text contains a string (a {@code LIKE} on the agents' JSON, with {@code !} escaping). The caller
 * checks the exact path in {@link AgentReference#config()}. Thread-safe; blocking (one query).
 */
public final class AgentMentions {
    private final Jdbi jdbi;

    public AgentMentions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Agents whose configuration contains {@code text}, created after sequence {@code afterSeq}, in creation order. */
    public List<AgentReference> containing(String text, long afterSeq, int limit) {
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withHandle(h -> h.createQuery("SELECT agent_id, name, created_at_unix, seq, config FROM agents "
                        + "WHERE config LIKE :pattern ESCAPE '!' AND seq > :afterSeq ORDER BY seq LIMIT :limit")
                .bind("pattern", pattern).bind("afterSeq", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> {
                    try {
                        return new AgentReference(rs.getString("agent_id"), rs.getString("name"), rs.getLong("created_at_unix"),
                                rs.getLong("seq"), Json.MAPPER.readTree(rs.getString("config")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored agent config is malformed", e);
                    }
                }).list());
    }

    /** Agents whose configuration holds the JSON string {@code "id"} (an id of {@code [A-Za-z0-9_-]}). */
    public List<AgentReference> naming(String id, long afterSeq, int limit) {
        return containing("\"" + id + "\"", afterSeq, limit);
    }
}
