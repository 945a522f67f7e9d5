package dev.timbre.agent.workflow;

import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.LanguageModel;
import java.util.List;

/**
 * What a subagent node changes of the base agent while the conversation is there (applied to the base agent, not
 * on top of the previous node). Every field is optional: null keeps the base agent's value.
 *
 * @param prompt replaces the system prompt
 * @param additionalPrompt appended to the (base or replaced) system prompt after a blank line
 * @param model the node's LLM (the server owns it; the session never closes it)
 * @param tools replaces the agent's tools
 * @param additionalTools added to the (base or replaced) tools
 * @param knowledge replaces the agent's knowledge ({@link Knowledge#NONE} turns RAG off)
 * @param voiceId the TTS voice while here (reported to the session's listener)
 */
public record NodeOverride(String prompt, String additionalPrompt, LanguageModel model, Double temperature,
                           Integer maxTokens, List<AgentTool> tools, List<AgentTool> additionalTools,
                           Knowledge knowledge, String voiceId) {
    public static final NodeOverride NONE = new NodeOverride(null, null, null, null, null, null, null, null, null);

    public NodeOverride {
        tools = tools == null ? null : List.copyOf(tools);
        additionalTools = additionalTools == null ? List.of() : List.copyOf(additionalTools);
    }
}
