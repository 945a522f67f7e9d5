package dev.timbre.agent.session;

/**
 * What an agent's {@code language_presets} entry overrides when the conversation switches to its language; a null
 * field keeps the agent's own.
 *
 * @param firstMessage said on switching (templates as in {@link AgentProfile})
 * @param systemPrompt replaces the prompt template
 * @param voiceId the voice the agent speaks with (the voice layer applies it)
 */
public record LanguagePreset(String firstMessage, String systemPrompt, String voiceId) {
}
