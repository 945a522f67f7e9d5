package dev.timbre.config;

/**
 * This node's place in a cluster ({@code engines.nodes}, {@code TIMBRE_ROLE}, {@code TIMBRE_ENGINE_HEALTH_MILLIS}).
 *
 * @param role {@code all} (the default: every route, local engines), {@code api} (every route, no optional local
 *        engines when remote ones are configured) or {@code engine} (only the engine-facing routes), see
 *        {@code engines.NodeRole}
 * @param healthMillis how often an api node asks each engine node's {@code GET /health/ready}; 0: 5000
 */
public record Nodes(String role, int healthMillis) {
    public static final Nodes DEFAULT = new Nodes("all", 5000);

    public Nodes {
        role = role == null || role.isBlank() ? "all" : role.strip().toLowerCase(java.util.Locale.ROOT);
        healthMillis = healthMillis <= 0 ? 5000 : healthMillis;
    }
}
