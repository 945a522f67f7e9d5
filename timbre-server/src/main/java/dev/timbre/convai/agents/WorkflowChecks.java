package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.workflow.Condition;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of an agent's {@code workflow} on save (the seed's {@code AgentWorkflowRequestModel}): node types and their
 * required fields, edges between existing nodes, conditions (expressions parse), exactly one start node, every node
 * reachable from it and, beyond a lone start node, a path to a node that ends the conversation (end, agent or phone
 * transfer). No workflow, or one without nodes, is fine. Violations are added in the FastAPI list shape.
 */
final class WorkflowChecks {
    static final List<String> TYPES = List.of("start", "end", "override_agent", "tool", "standalone_agent", "phone_number");
    static final int MAX_NODES = 500;
    static final int MAX_EDGES = 2000;
    private static final Set<String> ENDS = Set.of("end", "standalone_agent", "phone_number");

    private WorkflowChecks() {}

    static void check(JsonNode wf, List<ApiException.Violation> v) {
        if (wf == null || !wf.isObject()) return;
        JsonNode nodes = wf.path("nodes");
        JsonNode edges = wf.path("edges");
        int before = v.size();
        for (String f : List.of("nodes", "edges")) {
            JsonNode n = wf.get(f);
            if (n != null && !n.isNull() && !n.isObject()) v.add(violation("Input should be a valid dictionary", "dict_type", f));
        }
        if (v.size() > before) return;
        if (nodes.size() > MAX_NODES || edges.size() > MAX_EDGES) {
            v.add(violation("A workflow has at most " + MAX_NODES + " nodes and " + MAX_EDGES + " edges", "value_error"));
            return;
        }
        List<String> starts = new ArrayList<>();
        nodes.fields().forEachRemaining(e -> {
            String id = e.getKey();
            JsonNode node = e.getValue();
            String type = node.path("type").asText("");
            if (!node.isObject()) {
                v.add(violation("Input should be a valid dictionary", "dict_type", "nodes", id));
            } else if (!TYPES.contains(type)) {
                v.add(violation("Input tag '" + type + "' found using 'type' does not match any of the expected tags: "
                        + String.join(", ", TYPES), "union_tag_invalid", "nodes", id, "type"));
            } else {
                if (type.equals("start")) starts.add(id);
                required(node, type, id, v);
            }
        });
        Set<String> ids = new HashSet<>();
        nodes.fieldNames().forEachRemaining(ids::add);
        edges.fields().forEachRemaining(e -> edge(e.getKey(), e.getValue(), ids, v));
        if (v.size() > before || ids.isEmpty()) return;
        if (starts.size() != 1) {
            v.add(violation(starts.isEmpty() ? "The workflow needs a start node (a node of type 'start')"
                    : "The workflow has " + starts.size() + " start nodes (" + String.join(", ", starts) + "); it needs exactly one",
                    "value_error", "nodes"));
            return;
        }
        Set<String> reached = reachable(starts.get(0), edges);
        for (String id : ids) {
            if (!reached.contains(id)) v.add(violation("Node '" + id + "' cannot be reached from the start node", "value_error", "nodes", id));
        }
        boolean ends = reached.stream().anyMatch(id -> ENDS.contains(nodes.path(id).path("type").asText()));
        if (ids.size() > 1 && !ends) {
            v.add(violation("The workflow has no path from its start node to a node that ends the conversation "
                    + "(end, standalone_agent or phone_number)", "value_error", "nodes"));
        }
    }

    private static void required(JsonNode node, String type, String id, List<ApiException.Violation> v) {
        switch (type) {
            case "override_agent" -> {
                if (!node.path("label").isTextual()) v.add(violation("Field required", "missing", "nodes", id, "label"));
            }
            case "standalone_agent" -> {
                if (!node.path("agent_id").isTextual() || node.path("agent_id").asText().isBlank()) {
                    v.add(violation("Field required", "missing", "nodes", id, "agent_id"));
                }
            }
            case "phone_number" -> {
                if (!node.path("transfer_destination").isObject()) v.add(violation("Field required", "missing", "nodes", id, "transfer_destination"));
            }
            case "tool" -> {
                JsonNode tools = node.path("tools");
                if (!tools.isMissingNode() && !tools.isArray()) v.add(violation("Input should be a valid list", "list_type", "nodes", id, "tools"));
                for (int i = 0; i < tools.size(); i++) {
                    if (!tools.path(i).path("tool_id").isTextual()) v.add(violation("Field required", "missing", "nodes", id, "tools", i, "tool_id"));
                }
            }
            default -> { }
        }
    }

    private static void edge(String id, JsonNode edge, Set<String> nodes, List<ApiException.Violation> v) {
        if (!edge.isObject()) {
            v.add(violation("Input should be a valid dictionary", "dict_type", "edges", id));
            return;
        }
        for (String end : List.of("source", "target")) {
            JsonNode n = edge.path(end);
            if (!n.isTextual()) v.add(violation("Field required", "missing", "edges", id, end));
            else if (!nodes.contains(n.asText())) {
                v.add(violation("Edge '" + id + "' has " + end + " '" + n.asText() + "', which is not a node of the workflow",
                        "value_error", "edges", id, end));
            }
        }
        for (String c : List.of("forward_condition", "backward_condition")) {
            JsonNode n = edge.path(c);
            if (n.isMissingNode() || n.isNull()) continue;
            try {
                Condition.parse(Json.MAPPER.convertValue(n, Map.class));
            } catch (IllegalArgumentException e) {
                v.add(violation("Edge '" + id + "': " + e.getMessage(), "value_error", "edges", id, c));
            }
        }
    }

    /** Nodes reachable from {@code start}: forward along every edge, backward along edges with a backward condition. */
    private static Set<String> reachable(String start, JsonNode edges) {
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String at = todo.poll();
            for (Iterator<JsonNode> it = edges.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                String next = null;
                if (e.path("source").asText().equals(at)) next = e.path("target").asText();
                else if (e.path("target").asText().equals(at) && e.path("backward_condition").isObject()) next = e.path("source").asText();
                if (next != null && seen.add(next)) todo.add(next);
            }
        }
        return seen;
    }

    private static ApiException.Violation violation(String msg, String type, Object... loc) {
        List<Object> path = new ArrayList<>(List.of("body", "workflow"));
        path.addAll(List.of(loc));
        return new ApiException.Violation(path, msg, type);
    }
}
