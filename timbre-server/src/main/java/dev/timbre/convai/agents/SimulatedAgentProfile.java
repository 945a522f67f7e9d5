package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolKind;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.engine.ToolSpec;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's {@link AgentProfile} for a simulation, read from its view ({@code GetAgentResponseModel}, defaults
 * filled): prompt, first message, language, temperature, max tokens, {@code prompt.built_in_tools} (system tools) and
 * inline {@code prompt.tools} (client, webhook, system). In a simulation every client tool waits for a result, which
 * the tool mocks give. INTEGRATOR: the conversation runtime's own profile builder (tool ids, secrets, transfers)
 * should replace {@link #of} when it lands; {@link #forSimulation} then adapts its result.
 */
final class SimulatedAgentProfile {
    private SimulatedAgentProfile() {}

    static AgentProfile of(ObjectNode view, AgentLanguageModels models) {
        JsonNode agent = view.path("conversation_config").path("agent");
        JsonNode prompt = agent.path("prompt");
        List<AgentTool> tools = new ArrayList<>();
        prompt.path("built_in_tools").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                String type = e.getValue().path("params").path("system_tool_type").asText(e.getKey());
                tools.add(AgentTool.system(spec(e.getKey(), e.getValue(), Map.of()), type, Map.of()));
            }
        });
        for (JsonNode t : prompt.path("tools")) {
            String name = t.path("name").asText("");
            if (name.isBlank()) continue;
            switch (t.path("type").asText("client")) {
                case "system" -> tools.add(AgentTool.system(spec(name, t, Map.of()), t.path("params").path("system_tool_type").asText(name), Map.of()));
                case "webhook" -> tools.add(AgentTool.webhook(spec(name, t, schema(t.path("api_schema").path("request_body_schema"))), null, t));
                default -> tools.add(AgentTool.client(spec(name, t, schema(t.path("parameters"))), true, null));
            }
        }
        Integer maxTokens = prompt.path("max_tokens").asInt(-1) > 0 ? prompt.get("max_tokens").asInt() : null;
        Double temperature = prompt.path("temperature").isNumber() ? prompt.get("temperature").asDouble() : null;
        String language = agent.path("language").asText("en");
        return new AgentProfile(view.path("agent_id").asText(), view.path("name").asText(""), prompt.path("prompt").asText(""),
                agent.path("first_message").asText(""), language, List.of(language), tools, temperature, maxTokens,
                models.forPrompt(prompt));
    }

    /**
     * The profile as a simulation runs it: client tools wait for a (mocked) result; with a partial history the
     * first message is not said again and the history is given to the LLM after the system prompt.
     */
    static AgentProfile forSimulation(AgentProfile p, String historyText) {
        List<AgentTool> tools = p.tools().stream().map(t -> t.kind() == ToolKind.CLIENT && !t.expectsResponse()
                ? new AgentTool(t.spec(), t.kind(), t.systemType(), true, t.responseTimeout(), t.params(), t.config()) : t).toList();
        boolean resumed = !historyText.isEmpty();
        String prompt = resumed ? p.systemPrompt() + "\n\nThe conversation so far:\n" + historyText : p.systemPrompt();
        return new AgentProfile(p.agentId(), p.name(), prompt, resumed ? "" : p.firstMessage(), p.language(), p.languages(),
                tools, p.temperature(), p.maxTokens(), p.model());
    }

    private static ToolSpec spec(String name, JsonNode tool, Map<String, Object> parameters) {
        return new ToolSpec(name, tool.path("description").asText(""), parameters);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(JsonNode node) {
        return node.isObject() ? Json.MAPPER.convertValue(node, Map.class) : Map.of();
    }

    /** The agent's conversation time limit ({@code conversation.max_duration_seconds}), 600 s by default. */
    static Duration maxDuration(ObjectNode view) {
        int secs = view.path("conversation_config").path("conversation").path("max_duration_seconds").asInt(600);
        return Duration.ofSeconds(secs > 0 ? secs : 600);
    }
}
