package dev.timbre.convai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.LanguageModel;

/**
 * Chooses the language model for an agent from its {@code conversation_config.agent.prompt} ({@code llm},
 * {@code custom_llm}, {@code backup_llm_config}, {@code cascade_timeout_seconds}) and the server's configuration.
 * The returned model is owned by this catalogue (callers never close it) and thread-safe.
 */
public interface AgentLanguageModels {
    /** Never null: falls back to the built-in rule model when nothing is configured for the agent's {@code llm}. */
    LanguageModel forPrompt(JsonNode prompt);
}
