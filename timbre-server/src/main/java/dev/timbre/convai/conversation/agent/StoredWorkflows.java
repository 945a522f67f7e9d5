package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.workflow.Condition;
import dev.timbre.agent.workflow.NodeOverride;
import dev.timbre.agent.workflow.Workflow;
import dev.timbre.agent.workflow.WorkflowEdge;
import dev.timbre.agent.workflow.WorkflowNode;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.http.Json;
import dev.timbre.engine.LanguageModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An agent's stored {@code workflow} → the runtime's {@link Workflow}, resolving what needs the server: tool ids
 * (through the same tool resolution as the agent's own tools), a subagent's LLM (through {@link AgentLanguageModels},
 * with the node's prompt fields over the agent's), its voice id and RAG switch. Thread-safe; blocking (tool lookups).
 * Workflows are checked when saved ({@code convai.agents.WorkflowChecks}); one that still does not translate (saved
 * before the checks) is left out and the agent runs without it.
 */
final class StoredWorkflows {
    private static final System.Logger LOG = System.getLogger(StoredWorkflows.class.getName());
    private static final List<String> TOOL_FIELDS = List.of("tools", "tool_ids", "built_in_tools");

    /** A prompt-shaped object ({@code tools}, {@code tool_ids}, {@code built_in_tools}) → its tools. */
    private final Function<JsonNode, List<AgentTool>> tools;
    private final AgentLanguageModels models;

    StoredWorkflows(Function<JsonNode, List<AgentTool>> tools, AgentLanguageModels models) {
        this.tools = tools;
        this.models = models;
    }

    /** {@code profile} with the workflow of its stored configuration {@code config}; {@code profile} when it has none. */
    AgentProfile attach(AgentProfile profile, JsonNode config) {
        JsonNode wf = config.path("workflow");
        if (!wf.path("nodes").isObject() || wf.path("nodes").isEmpty()) return profile;
        Workflow workflow;
        try {
            workflow = workflow(wf, config.path("conversation_config").path("agent").path("prompt"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "agent " + profile.agentId() + ": its workflow is left out: " + e.getMessage());
            return profile;
        }
        if (workflow.startNodeId() == null) return profile;
        return new AgentProfile(profile.agentId(), profile.name(), profile.systemPrompt(), profile.firstMessage(),
                profile.language(), profile.languages(), profile.tools(), profile.temperature(), profile.maxTokens(),
                profile.model(), profile.knowledge(), workflow, profile.languagePresets());
    }

    Workflow workflow(JsonNode wf, JsonNode basePrompt) {
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        wf.path("nodes").fields().forEachRemaining(e -> nodes.put(e.getKey(), node(e.getValue(), basePrompt)));
        Map<String, WorkflowEdge> edges = new LinkedHashMap<>();
        wf.path("edges").fields().forEachRemaining(e -> {
            JsonNode edge = e.getValue();
            String source = edge.path("source").asText();
            String target = edge.path("target").asText();
            if (!nodes.containsKey(source) || !nodes.containsKey(target)) throw new IllegalArgumentException("edge " + e.getKey() + " joins a missing node");
            edges.put(e.getKey(), new WorkflowEdge(source, target, condition(edge.path("forward_condition")), condition(edge.path("backward_condition"))));
        });
        return new Workflow(nodes, edges);
    }

    private static Condition condition(JsonNode c) {
        return c.isObject() ? Condition.parse(Json.MAPPER.convertValue(c, Map.class)) : null;
    }

    private WorkflowNode node(JsonNode n, JsonNode basePrompt) {
        String type = n.path("type").asText("");
        return switch (type) {
            case "start" -> new WorkflowNode.Start();
            case "end" -> new WorkflowNode.End();
            case "override_agent" -> new WorkflowNode.Subagent(n.path("label").asText(""), override(n, basePrompt));
            case "tool" -> {
                ArrayNode ids = Json.MAPPER.createArrayNode();
                n.path("tools").forEach(t -> ids.add(t.path("tool_id").asText()));
                ObjectNode prompt = Json.MAPPER.createObjectNode();
                prompt.set("tool_ids", ids);
                yield new WorkflowNode.Tools(tools.apply(prompt));
            }
            case "standalone_agent" -> new WorkflowNode.AgentTransfer(n.path("agent_id").asText(), Math.max(0, n.path("delay_ms").asLong(0)),
                    n.path("transfer_message").isTextual() ? n.path("transfer_message").asText() : null,
                    n.path("enable_transferred_agent_first_message").asBoolean(false));
            case "phone_number" -> new WorkflowNode.PhoneTransfer(Json.MAPPER.convertValue(n.path("transfer_destination"), Map.class),
                    n.path("transfer_type").isTextual() ? n.path("transfer_type").asText() : null);
            default -> throw new IllegalArgumentException("unknown node type '" + type + "'");
        };
    }

    /** A subagent node's {@code conversation_config} and {@code additional_*} fields → its override. */
    private NodeOverride override(JsonNode n, JsonNode basePrompt) {
        JsonNode cc = n.path("conversation_config");
        JsonNode p = cc.path("agent").path("prompt");
        String prompt = p.path("prompt").isTextual() ? p.path("prompt").asText() : null;
        String additional = n.path("additional_prompt").isTextual() ? n.path("additional_prompt").asText() : null;
        LanguageModel model = null;
        if (p.hasNonNull("llm") || p.hasNonNull("custom_llm")) model = models.forPrompt(overlay(basePrompt, p, List.of("llm", "custom_llm", "backup_llm_config")));
        Double temperature = p.path("temperature").isNumber() ? p.path("temperature").asDouble() : null;
        Integer maxTokens = p.path("max_tokens").isNumber() && p.path("max_tokens").asInt() > 0 ? p.path("max_tokens").asInt() : null;
        List<AgentTool> replaced = TOOL_FIELDS.stream().anyMatch(p::hasNonNull) ? tools.apply(overlay(basePrompt, p, TOOL_FIELDS)) : null;
        ObjectNode extra = Json.MAPPER.createObjectNode();
        extra.set("tool_ids", n.path("additional_tool_ids").isArray() ? n.path("additional_tool_ids") : Json.MAPPER.createArrayNode());
        List<AgentTool> additionalTools = tools.apply(extra);
        Knowledge knowledge = p.path("rag").path("enabled").isBoolean() && !p.path("rag").path("enabled").asBoolean() ? Knowledge.NONE : null;
        String voice = cc.path("tts").path("voice_id").isTextual() ? cc.path("tts").path("voice_id").asText() : null;
        return new NodeOverride(prompt, additional, model, temperature, maxTokens, replaced, additionalTools, knowledge, voice);
    }

    /** {@code base} with the non-null {@code fields} of {@code over} (object fields merged one level deep). */
    private static ObjectNode overlay(JsonNode base, JsonNode over, List<String> fields) {
        ObjectNode out = base.isObject() ? ((ObjectNode) base).deepCopy() : Json.MAPPER.createObjectNode();
        for (String f : fields) {
            JsonNode v = over.get(f);
            if (v == null || v.isNull()) continue;
            if (v.isObject() && out.path(f).isObject()) {
                ObjectNode merged = ((ObjectNode) out.get(f)).deepCopy();
                v.fields().forEachRemaining(e -> { if (!e.getValue().isNull()) merged.set(e.getKey(), e.getValue()); });
                out.set(f, merged);
            } else {
                out.set(f, v);
            }
        }
        return out;
    }
}
