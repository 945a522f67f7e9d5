package dev.timbre.convai.agents;

/** A listing request: {@code sortBy} is {@code name} or {@code created_at}; {@code archived} null means all. */
public record AgentQuery(int pageSize, String search, String sortBy, boolean ascending, String cursor, Boolean archived) {
    public static AgentQuery firstPage(int pageSize) {
        return new AgentQuery(pageSize, null, "created_at", false, null, null);
    }
}
