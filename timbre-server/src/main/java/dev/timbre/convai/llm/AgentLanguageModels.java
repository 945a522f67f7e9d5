package dev.timbre.convai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.LanguageModel;
import java.util.Map;

/**
 * Chooses the language model for an agent from its {@code conversation_config.agent.prompt} ({@code llm},
 * {@code custom_llm}, {@code backup_llm_config}, {@code cascade_timeout_seconds}) and the server's configuration.
 * The returned model is owned by this catalogue (callers never close it) and thread-safe. Requests should carry the
 * agent's {@code temperature} and {@code max_tokens}: {@link LlmPrompt#request} builds them.
 */
public interface AgentLanguageModels {
    /** Never null: falls back to the built-in rule model when nothing is configured for the agent's {@code llm}. */
    LanguageModel forPrompt(JsonNode prompt);

    /**
     * As {@link #forPrompt(JsonNode)}, with the conversation's dynamic variables for {@code custom_llm.request_headers}
     * that name one (without them such headers are left out).
     */
    default LanguageModel forPrompt(JsonNode prompt, Map<String, Object> dynamicVariables) {
        return forPrompt(prompt);
    }
}
