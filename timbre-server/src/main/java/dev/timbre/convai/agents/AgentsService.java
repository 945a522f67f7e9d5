package dev.timbre.convai.agents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Agents: create, read (with defaults), list, deep-merge update, delete, duplicate, share link. */
public final class AgentsService {
    public static final int MAX_PAGE_SIZE = 100;

    private final AgentRepository repository;
    private final Clock clock;

    public AgentsService(AgentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Stores a checked create body; returns the new agent id. */
    public String create(ObjectNode body) {
        long now = clock.instant().getEpochSecond();
        StoredAgent a = new StoredAgent("agent_" + Ids.random(), nameOf(body, ""), tagsOf(body, List.of()), archivedOf(body, false),
                now, now, Ids.random(32), withoutColumns(body), 0);
        repository.insert(a);
        return a.agentId();
    }

    /** The stored agent, or 404 {@code agent_not_found}. Other areas read agents through this. */
    public StoredAgent find(String agentId) {
        return repository.find(agentId).orElseThrow(() -> notFound(agentId));
    }

    /** {@code GetAgentResponseModel}: the stored configuration over the documented defaults. */
    public ObjectNode get(String agentId) {
        return AgentView.of(find(agentId));
    }

    public AgentsPage list(AgentQuery q) {
        List<StoredAgent> rows = repository.list(q, decodeCursor(q.cursor()), q.pageSize() + 1);
        boolean more = rows.size() > q.pageSize();
        if (more) rows = rows.subList(0, q.pageSize());
        String next = more ? encodeCursor(rows.get(rows.size() - 1)) : null;
        return new AgentsPage(rows.stream().map(AgentView::summary).toList(), next, more);
    }

    /** Deep-merges a checked PATCH body into the agent (objects merge, arrays and scalars replace); returns the new view. */
    public ObjectNode update(String agentId, ObjectNode body) {
        StoredAgent old = find(agentId);
        ObjectNode config = JsonMerge.merged(old.config(), withoutColumns(body));
        StoredAgent a = new StoredAgent(old.agentId(), nameOf(body, old.name()), tagsOf(body, old.tags()),
                archivedOf(config, old.archived()), old.createdAtUnix(), clock.instant().getEpochSecond(), old.shareToken(), config, old.seq());
        if (!repository.update(a)) throw notFound(agentId);
        return AgentView.of(a);
    }

    /** Agents whose configuration refers to the secret (a {@code custom_llm} key, a webhook header…). */
    public List<StoredAgent> usingSecret(String secretId) {
        return repository.mentioning(secretId).stream()
                .filter(a -> dev.timbre.convai.tools.ToolsService.refersTo(a.config(), secretId)).toList();
    }

    public void delete(String agentId) {
        if (!repository.delete(agentId)) throw notFound(agentId);
    }

    /** A copy with a new id (and {@code name} when given); returns the new id. */
    public String duplicate(String agentId, String name) {
        StoredAgent old = find(agentId);
        long now = clock.instant().getEpochSecond();
        StoredAgent a = new StoredAgent("agent_" + Ids.random(), name != null ? name : old.name(), old.tags(), old.archived(),
                now, now, Ids.random(32), old.config().deepCopy(), 0);
        repository.insert(a);
        return a.agentId();
    }

    /** {@code GetAgentLinkResponseModel}: the agent's shareable-link token. */
    public Map<String, Object> link(String agentId) {
        StoredAgent a = find(agentId);
        Map<String, Object> token = new java.util.LinkedHashMap<>();
        token.put("agent_id", a.agentId());
        token.put("conversation_token", a.shareToken());
        token.put("expiration_time_unix_secs", null);
        token.put("conversation_id", null);
        token.put("purpose", "shareable_link");
        return Map.of("agent_id", a.agentId(), "token", token);
    }

    public static ApiException notFound(String agentId) {
        return ApiException.notFound("agent_not_found", "Agent with id " + agentId + " not found");
    }

    private static ObjectNode withoutColumns(ObjectNode body) {
        ObjectNode c = body.deepCopy();
        c.remove(List.of("name", "tags", "agent_id"));
        return c;
    }

    private static String nameOf(ObjectNode body, String dflt) {
        JsonNode n = body.get("name");
        return n == null || n.isNull() ? dflt : n.asText();
    }

    private static List<String> tagsOf(ObjectNode body, List<String> dflt) {
        JsonNode n = body.get("tags");
        if (n == null) return dflt;
        if (n.isNull()) return List.of();
        return Json.MAPPER.convertValue(n, new TypeReference<List<String>>() {});
    }

    private static boolean archivedOf(ObjectNode config, boolean dflt) {
        JsonNode n = config.path("platform_settings").get("archived");
        return n == null || !n.isBoolean() ? dflt : n.asBoolean();
    }

    private static String encodeCursor(StoredAgent last) {
        List<Object> key = new ArrayList<>(List.of(last.seq(), last.createdAtUnix(), last.name()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgentRepository.After decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            JsonNode key = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (key == null || !key.isArray() || key.size() != 3 || !key.get(0).canConvertToLong() || !key.get(1).canConvertToLong()
                    || !key.get(2).isTextual()) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new AgentRepository.After(key.get(2).asText(), key.get(1).asLong(), key.get(0).asLong());
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
        }
    }
}
