package dev.timbre.agent.session;

import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.workflow.Workflow;
import dev.timbre.engine.LanguageModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one agent brings to a conversation (a transfer swaps it for another's). Templates are raw: the session
 * substitutes {@code {{variables}}}.
 *
 * @param systemPrompt the prompt template
 * @param firstMessage the greeting template; empty: the agent waits for the user
 * @param language the current language code, e.g. {@code en}
 * @param languages languages {@code language_detection} may switch to (the main one included)
 * @param model the LLM (the caller owns it; the session never closes it)
 * @param knowledge the agent's RAG ({@link Knowledge#NONE} when off)
 * @param workflow the agent's workflow, or null for none
 * @param languagePresets by language code: what switching to that language overrides
 */
public record AgentProfile(String agentId, String name, String systemPrompt, String firstMessage, String language,
                           List<String> languages, List<AgentTool> tools, Double temperature, Integer maxTokens,
                           LanguageModel model, Knowledge knowledge, Workflow workflow,
                           Map<String, LanguagePreset> languagePresets) {
    /** A profile without knowledge, workflow or language presets. */
    public AgentProfile(String agentId, String name, String systemPrompt, String firstMessage, String language,
                        List<String> languages, List<AgentTool> tools, Double temperature, Integer maxTokens,
                        LanguageModel model) {
        this(agentId, name, systemPrompt, firstMessage, language, languages, tools, temperature, maxTokens, model,
                null, null, null);
    }

    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(model, "model");
        name = name == null ? "" : name;
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        firstMessage = firstMessage == null ? "" : firstMessage;
        language = language == null || language.isBlank() ? "en" : language;
        languages = languages == null ? List.of(language) : List.copyOf(languages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        knowledge = knowledge == null ? Knowledge.NONE : knowledge;
        languagePresets = languagePresets == null ? Map.of() : Map.copyOf(languagePresets);
    }

    public Optional<AgentTool> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
