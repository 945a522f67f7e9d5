package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.tools.AgentMentions;
import dev.timbre.convai.tools.AgentReference;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code convai_mcp_servers} (V22), in creation order, and the agents that mention a server. */
public final class McpServerRepository {
    private static final String COLUMNS = "mcp_server_id, name, config, created_at_unix, updated_at_unix";

    private final Jdbi jdbi;

    public McpServerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(StoredMcpServer s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO convai_mcp_servers (" + COLUMNS + ") VALUES (:id, :name, :config, :created, :updated)")
                .bind("id", s.mcpServerId()).bind("name", s.name()).bind("config", s.config().toString())
                .bind("created", s.createdAtUnix()).bind("updated", s.updatedAtUnix()).execute());
    }

    /** Replaces name and config; true when the row was there. */
    public boolean update(StoredMcpServer s) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_mcp_servers SET name = :name, config = :config, updated_at_unix = :updated "
                        + "WHERE mcp_server_id = :id")
                .bind("id", s.mcpServerId()).bind("name", s.name()).bind("config", s.config().toString())
                .bind("updated", s.updatedAtUnix()).execute()) > 0;
    }

    public Optional<StoredMcpServer> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM convai_mcp_servers WHERE mcp_server_id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<StoredMcpServer> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM convai_mcp_servers ORDER BY seq").map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Agents whose stored configuration mentions {@code "id"} anywhere in its JSON text, in creation order: candidates
     * the service narrows to {@code prompt.mcp_server_ids}. Ids are {@code [A-Za-z0-9_-]}, so only {@code _} is escaped.
     */
    public List<AgentReference> agentsMentioning(String id) {
        return new AgentMentions(jdbi).naming(id, 0, Integer.MAX_VALUE);
    }

    private static StoredMcpServer row(ResultSet rs) throws SQLException {
        return new StoredMcpServer(rs.getString("mcp_server_id"), rs.getString("name"), (ObjectNode) json(rs.getString("config")),
                rs.getLong("created_at_unix"), rs.getLong("updated_at_unix"));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed", e);
        }
    }
}
