package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.tools.AgentReference;
import dev.timbre.convai.tools.ToolResponse;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * MCP server records: create, list, get, the server's approval policy and per-tool approvals (each a
 * {@link ToolHash} of the tool as approved). Thread-safe; blocking (database reads).
 */
public final class McpServersService {
    private final McpServerRepository repository;
    private final McpConfigChecks checks;
    private final ToolResponse.AccessInfo accessInfo;
    private final String ownerUserId;
    private final Clock clock;

    /** @param secretValue a stored secret's plain value by id; a 404 {@link ApiException} when there is none */
    public McpServersService(McpServerRepository repository, Function<String, String> secretValue, OutboundPolicy outbound,
                             String creatorName, String ownerUserId, Clock clock) {
        this.repository = repository;
        this.checks = new McpConfigChecks(id -> {
            try {
                return Optional.ofNullable(secretValue.apply(id));
            } catch (ApiException e) {
                if (e.status() == 404) return Optional.empty();
                throw e;
            }
        }, outbound);
        this.accessInfo = new ToolResponse.AccessInfo(true, creatorName, "", "admin");
        this.ownerUserId = ownerUserId;
        this.clock = clock;
    }

    public McpServerResponse create(JsonNode config) {
        ObjectNode c = checks.check(config);
        long now = clock.instant().getEpochSecond();
        StoredMcpServer s = new StoredMcpServer("mcp_" + Ids.random(), c.get("name").asText(), c, now, now);
        repository.insert(s);
        return response(s);
    }

    public McpServersPage list() {
        return new McpServersPage(repository.list().stream().map(this::response).toList());
    }

    public McpServerResponse get(String id) {
        return response(stored(id));
    }

    /** The stored server for the conversation runtime; empty when it was deleted. */
    public Optional<StoredMcpServer> find(String id) {
        return repository.find(id);
    }

    public McpServerResponse updateApprovalPolicy(String id, JsonNode approvalPolicy) {
        String policy = McpConfigChecks.policy(approvalPolicy);
        StoredMcpServer s = stored(id);
        ObjectNode c = s.config().deepCopy().put("approval_policy", policy);
        return save(s, c);
    }

    /** Adds (or replaces) the approval of {@code toolName}, hashed over its name, description and input schema. */
    public McpServerResponse addToolApproval(String id, JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        for (String f : new String[] {"tool_name", "tool_description"}) {
            if (body.get(f) == null || body.get(f).isNull()) throw ApiException.invalid("Field required", "missing", "body", f);
            if (!body.get(f).isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", f);
        }
        String name = body.get("tool_name").asText();
        if (name.isBlank()) throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "tool_name");
        JsonNode schema = body.get("input_schema");
        if (schema != null && !schema.isNull() && !schema.isObject()) {
            throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "input_schema");
        }
        String policy = McpConfigChecks.toolPolicy(body.get("approval_policy"), "body", "approval_policy");
        StoredMcpServer s = stored(id);
        ObjectNode c = s.config().deepCopy();
        ArrayNode hashes = without(c, name);
        hashes.addObject().put("tool_name", name).put("tool_hash", ToolHash.of(name, body.get("tool_description").asText(), schema))
                .put("approval_policy", policy);
        return save(s, c);
    }

    /** Removes the approval of {@code toolName}; a tool without one leaves the server as it was. */
    public McpServerResponse removeToolApproval(String id, String toolName) {
        StoredMcpServer s = stored(id);
        ObjectNode c = s.config().deepCopy();
        without(c, toolName);
        return save(s, c);
    }

    /** The config's {@code tool_approval_hashes} without entries for {@code toolName} (replaced in {@code c}). */
    private static ArrayNode without(ObjectNode c, String toolName) {
        ArrayNode kept = Json.MAPPER.createArrayNode();
        c.path("tool_approval_hashes").forEach(h -> {
            if (!h.path("tool_name").asText().equals(toolName)) kept.add(h);
        });
        c.set("tool_approval_hashes", kept);
        return kept;
    }

    private McpServerResponse save(StoredMcpServer old, ObjectNode config) {
        StoredMcpServer s = new StoredMcpServer(old.mcpServerId(), old.name(), config, old.createdAtUnix(), clock.instant().getEpochSecond());
        if (!repository.update(s)) throw notFound(s.mcpServerId());
        return response(s);
    }

    private StoredMcpServer stored(String id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    private McpServerResponse response(StoredMcpServer s) {
        List<JsonNode> agents = repository.agentsMentioning(s.mcpServerId()).stream()
                .filter(a -> uses(a, s.mcpServerId())).map(a -> (JsonNode) a.identifier()).toList();
        return new McpServerResponse(s.mcpServerId(), s.config(), accessInfo, agents, new McpServerResponse.Metadata(s.createdAtUnix(), ownerUserId));
    }

    private static boolean uses(AgentReference a, String id) {
        for (JsonNode n : a.config().at("/conversation_config/agent/prompt/mcp_server_ids")) {
            if (n.asText().equals(id)) return true;
        }
        return false;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("mcp_server_not_found", "MCP server with id '" + id + "' not found");
    }
}
