package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.util.ArrayList;
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
                old.createdAtUnix(), clock.instant().getEpochSecond(), old.usage());
        if (!repository.update(t)) throw notFound(toolId);
        return response(t);
    }

    public void delete(String toolId) {
        if (!repository.delete(toolId)) throw notFound(toolId);
    }

    /**
     * Agents whose {@code conversation_config.agent.prompt.tool_ids} contain the tool, in creation order; the cursor is
     * the creation sequence of the page's last agent. 404 for an unknown tool, 422 for a cursor that is not ours.
     */
    public DependentAgentsPage dependentAgents(String toolId, String cursor, int pageSize) {
        stored(toolId);
        long after = DependentAgentsPage.afterSeq(cursor);
        List<AgentReference> found = new ArrayList<>();
        while (found.size() <= pageSize) {
            List<AgentReference> batch = repository.agentsMentioning(toolId, after, pageSize + 1);
            batch.stream().filter(a -> a.usesTool(toolId)).forEach(found::add);
            if (batch.size() <= pageSize) break;
            after = batch.get(batch.size() - 1).seq();
        }
        boolean more = found.size() > pageSize;
        List<AgentReference> page = more ? found.subList(0, pageSize) : found;
        String next = more ? Long.toString(page.get(page.size() - 1).seq()) : null;
        return new DependentAgentsPage(page.stream().map(a -> (JsonNode) a.identifier()).toList(), next, more);
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

    /** The conversation runtime ran the workspace tool {@code toolId} (a webhook) in {@code latencySecs}. */
    public void recordCall(String toolId, double latencySecs) {
        repository.recordCall(toolId, Math.max(0, latencySecs));
    }

    private StoredTool stored(String toolId) {
        return repository.find(toolId).orElseThrow(() -> notFound(toolId));
    }

    private ToolResponse response(StoredTool t) {
        return new ToolResponse(t.toolId(), t.config(), accessInfo, t.usage());
    }

    static ApiException notFound(String toolId) {
        return ApiException.notFound("tool_not_found", "Tool with id '" + toolId + "' not found");
    }
}
