package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.LanguagePreset;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.speech.VoiceConfig;
import dev.timbre.convai.conversation.speech.VoiceMarkup;
import dev.timbre.convai.knowledgebase.PromptDocuments;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.mcpservers.McpTools;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Agents' stored configuration → the runtime's {@link AgentProfile}: prompt, first message, language(s), LLM,
 * knowledge (RAG: {@code prompt.rag}, {@code prompt.knowledge_base}) and tools (inline {@code prompt.tools},
 * {@code prompt.tool_ids} through {@link ToolsService}, {@code prompt.built_in_tools}, the tools of
 * {@code prompt.mcp_server_ids} through {@link McpTools}).
 * Also the {@link AgentDirectory} transfers use. Thread-safe; blocking (database reads).
 */
public final class AgentProfiles implements AgentDirectory {
    private final AgentsService agents;
    private final ToolsService tools;
    private final AgentLanguageModels models;
    private final StoredWorkflows workflows;
    private final PromptDocuments promptDocuments;
    private final Function<JsonNode, Knowledge> knowledge;
    private final McpTools mcp;

    /** Profiles without knowledge (RAG off for every agent). */
    public AgentProfiles(AgentsService agents, ToolsService tools, AgentLanguageModels models) {
        this(agents, tools, models, PromptDocuments.NONE, prompt -> Knowledge.NONE, McpTools.NONE);
    }

    /**
     * {@code promptDocuments}: the knowledge-base documents an agent puts into its prompt ({@code usage_mode} prompt);
     * {@code knowledge}: an agent's {@code prompt} → its RAG ({@code AgentRetrieval}); {@code mcp}: the tools of
     * {@code prompt.mcp_server_ids} (listed when a profile is built: blocking, bounded).
     */
    public AgentProfiles(AgentsService agents, ToolsService tools, AgentLanguageModels models, PromptDocuments promptDocuments,
                         Function<JsonNode, Knowledge> knowledge, McpTools mcp) {
        this.agents = agents;
        this.tools = tools;
        this.models = models;
        this.workflows = new StoredWorkflows(this::tools, models);
        this.promptDocuments = promptDocuments;
        this.knowledge = knowledge;
        this.mcp = mcp;
    }

    /** The agent's full configuration (stored over defaults), or empty when there is no such agent. */
    public Optional<JsonNode> config(String agentId) {
        if (agentId == null || !agentId.matches("[A-Za-z0-9_-]{1,128}")) return Optional.empty();
        try {
            return Optional.of(agents.get(agentId));
        } catch (ApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<AgentProfile> find(String agentId) {
        return config(agentId).map(c -> profile(agentId, c, null, null, null));
    }

    /** The profile of an agent's stored configuration {@code config}, without overrides. */
    public AgentProfile profile(String agentId, JsonNode config) {
        return profile(agentId, config, null, null, null);
    }

    /**
     * The profile of {@code config}; the override arguments (null for none) replace the prompt, first message and
     * language.
     */
    public AgentProfile profile(String agentId, JsonNode config, String promptOverride, String firstMessageOverride, String languageOverride) {
        JsonNode agent = config.path("conversation_config").path("agent");
        JsonNode prompt = agent.path("prompt");
        String language = languageOverride != null ? languageOverride : agent.path("language").asText("en");
        Set<String> languages = new LinkedHashSet<>();
        languages.add(language);
        languages.add(agent.path("language").asText("en"));
        config.path("conversation_config").path("language_presets").fieldNames().forEachRemaining(languages::add);
        double temperature = prompt.path("temperature").asDouble(0);
        int maxTokens = prompt.path("max_tokens").asInt(-1);
        // prompt-mode knowledge-base documents and multi-voice instructions follow every prompt, a preset's too
        String suffix = promptDocuments.appendix(config) + multiVoice(config);
        Map<String, LanguagePreset> presets = languagePresets(config.path("conversation_config").path("language_presets"), suffix);
        // a conversation that starts in a preset's language greets and prompts as the preset says (overrides win)
        LanguagePreset startPreset = language.equals(agent.path("language").asText("en")) ? null : presets.get(language);
        String basePrompt = startPreset != null && startPreset.systemPrompt() != null ? startPreset.systemPrompt()
                : prompt.path("prompt").asText("") + suffix;
        String baseFirst = startPreset != null && startPreset.firstMessage() != null ? startPreset.firstMessage() : agent.path("first_message").asText("");
        AgentProfile profile = new AgentProfile(agentId, config.path("name").asText(""),
                promptOverride != null ? promptOverride + suffix : basePrompt,
                firstMessageOverride != null ? firstMessageOverride : baseFirst,
                language, List.copyOf(languages), tools(prompt),
                prompt.has("temperature") && !prompt.path("temperature").isNull() ? temperature : null,
                maxTokens > 0 ? maxTokens : null, models.forPrompt(prompt), knowledge.apply(prompt), null, presets);
        return workflows.attach(profile, config); // the agent's workflow (StoredWorkflows)
    }

    /**
     * {@code conversation_config.language_presets}: per language, {@code overrides.agent.first_message} (else
     * {@code first_message_translation.text}), {@code overrides.agent.prompt.prompt} (with the multi-voice
     * instructions {@code voiceSuffix} appended) and {@code overrides.tts.voice_id}; absent or blank ones are null.
     */
    static Map<String, LanguagePreset> languagePresets(JsonNode presets, String voiceSuffix) {
        Map<String, LanguagePreset> out = new java.util.LinkedHashMap<>();
        presets.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue().path("overrides");
            String first = nonBlank(o.path("agent").path("first_message"));
            if (first == null) first = nonBlank(e.getValue().path("first_message_translation").path("text"));
            String prompt = nonBlank(o.path("agent").path("prompt").path("prompt"));
            out.put(e.getKey(), new LanguagePreset(first, prompt == null ? null : prompt + voiceSuffix, nonBlank(o.path("tts").path("voice_id"))));
        });
        return out;
    }

    private static String nonBlank(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    /** ElevenLabs' multi-voice instructions when the agent has {@code tts.supported_voices}; else nothing. */
    private static String multiVoice(JsonNode config) {
        List<VoiceConfig.LabelledVoice> voices = VoiceConfig.supportedVoices(config.path("conversation_config").path("tts").path("supported_voices"));
        if (voices.isEmpty()) return "";
        return VoiceMarkup.instructions(voices.stream().map(VoiceConfig.LabelledVoice::label).toList(),
                voices.stream().map(VoiceConfig.LabelledVoice::description).toList());
    }

    private List<AgentTool> tools(JsonNode prompt) {
        List<AgentTool> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<JsonNode> configs = new ArrayList<>();
        Map<JsonNode, String> toolIds = new java.util.IdentityHashMap<>();
        prompt.path("tools").forEach(configs::add);
        prompt.path("tool_ids").forEach(id -> tools.find(id.asText()).ifPresent(t -> {
            configs.add(t.config());
            toolIds.put(t.config(), t.toolId());
        }));
        prompt.path("built_in_tools").fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) return;
            var c = ((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue()).deepCopy();
            if (!c.hasNonNull("type")) c.put("type", "system");
            if (c.path("name").asText("").isBlank()) c.put("name", e.getKey());
            if (!c.path("params").hasNonNull("system_tool_type")) c.putObject("params").setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.createObjectNode().put("system_tool_type", e.getKey()));
            configs.add(c);
        });
        for (JsonNode c : configs) {
            AgentTool t = AgentToolSpecs.of(c, toolIds.get(c));
            if (t != null && names.add(t.name())) out.add(t);
        }
        List<String> mcpServers = new ArrayList<>();
        prompt.path("mcp_server_ids").forEach(id -> mcpServers.add(id.asText()));
        if (!mcpServers.isEmpty()) mcp.tools(mcpServers).stream().filter(t -> names.add(t.name())).forEach(out::add);
        return out;
    }
}
