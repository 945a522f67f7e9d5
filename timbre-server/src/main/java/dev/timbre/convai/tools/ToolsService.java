package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.Ids;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Workspace tools: create, read, replace, delete; the stored config is returned as it was sent. */
public final class ToolsService {
    public static final int MAX_PAGE_SIZE = 100;

    private final ToolRepository repository;
    private final ToolResponse.AccessInfo accessInfo;
    private final Clock clock;

    public ToolsService(ToolRepository repository, String creatorName, Clock clock) {
        this.repository = repository;
        this.accessInfo = new ToolResponse.AccessInfo(true, creatorName, "", "admin");
        this.clock = clock;
    }

    public ToolResponse create(JsonNode toolConfig) {
        ObjectNode config = ToolConfigChecks.check(toolConfig);
        long now = clock.instant().getEpochSecond();
        StoredTool t = new StoredTool("tool_" + Ids.random(), config.get("name").asText(), config.get("type").asText(), config, now, now);
        repository.insert(t);
        return response(t);
    }

    public ToolResponse get(String toolId) {
        return response(stored(toolId));
    }

    /** The stored tool for other areas (agents, the conversation runtime). */
    public Optional<StoredTool> find(String toolId) {
        return repository.find(toolId);
    }

    public ToolsPage list() {
        return new ToolsPage(repository.list().stream().map(this::response).toList());
    }

    /** Replaces the whole config (the seed's PATCH takes the full {@code ToolRequestModel}). */
    public ToolResponse update(String toolId, JsonNode toolConfig) {
        StoredTool old = stored(toolId);
        ObjectNode config = ToolConfigChecks.check(toolConfig);
        StoredTool t = new StoredTool(toolId, config.get("name").asText(), config.get("type").asText(), config,
                old.createdAtUnix(), clock.instant().getEpochSecond());
        if (!repository.update(t)) throw notFound(toolId);
        return response(t);
    }

    public void delete(String toolId) {
        if (!repository.delete(toolId)) throw notFound(toolId);
    }

    /**
     * Agents that use the tool. TODO: agents are built in parallel; once they store their tool ids (e.g. a table
     * {@code agent_tools(agent_id, tool_id)}), page over that join here with {@code cursor}/{@code page_size}.
     */
    public DependentAgentsPage dependentAgents(String toolId, String cursor, int pageSize) {
        stored(toolId);
        return new DependentAgentsPage(List.of(), null, false);
    }

    /** Tools whose config holds a {@code {"secret_id": secretId}} locator (e.g. in {@code api_schema.request_headers}). */
    public List<StoredTool> usingSecret(String secretId) {
        return repository.list().stream().filter(t -> refersTo(t.config(), secretId)).toList();
    }

    /** True when {@code node} holds, at any depth, a field {@code secret_id} with the value {@code secretId}. */
    public static boolean refersTo(JsonNode node, String secretId) {
        if (node.isObject()) {
            JsonNode id = node.get("secret_id");
            if (id != null && id.isTextual() && id.asText().equals(secretId)) return true;
        }
        for (JsonNode child : node) {
            if (refersTo(child, secretId)) return true;
        }
        return false;
    }

    private StoredTool stored(String toolId) {
        return repository.find(toolId).orElseThrow(() -> notFound(toolId));
    }

    private ToolResponse response(StoredTool t) {
        return new ToolResponse(t.toolId(), t.config(), accessInfo, new ToolResponse.UsageStats(0, 0.0));
    }

    static ApiException notFound(String toolId) {
        return ApiException.notFound("tool_not_found", "Tool with id '" + toolId + "' not found");
    }
}
