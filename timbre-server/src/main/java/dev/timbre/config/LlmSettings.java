package dev.timbre.config;

import java.util.List;

/**
 * The language models agents may use. With no providers the built-in rule model (engine-rules: deterministic
 * scripted replies, <strong>not an AI</strong>) serves every agent.
 *
 * @param providers tried in order: the first whose {@link LlmProvider#serves} pattern matches an agent's {@code llm}
 *        serves it
 * @param cascadeTimeoutSeconds how long a model that has backups may take to its first output before the next one is
 *        tried; an agent's {@code cascade_timeout_seconds} overrides it. Default 8 s
 */
public record LlmSettings(List<LlmProvider> providers, double cascadeTimeoutSeconds) {
    public static final double DEFAULT_CASCADE_TIMEOUT_SECONDS = 8;

    public LlmSettings {
        providers = providers == null ? List.of() : List.copyOf(providers);
        cascadeTimeoutSeconds = cascadeTimeoutSeconds > 0 ? cascadeTimeoutSeconds : DEFAULT_CASCADE_TIMEOUT_SECONDS;
    }

    public static LlmSettings none() {
        return new LlmSettings(List.of(), DEFAULT_CASCADE_TIMEOUT_SECONDS);
    }

    public LlmSettings withProviders(List<LlmProvider> p) { return new LlmSettings(p, cascadeTimeoutSeconds); }

    public LlmSettings withCascadeTimeoutSeconds(double s) { return new LlmSettings(providers, s); }

    /** The first provider that serves {@code llm}; null when none does. */
    public LlmProvider providerFor(String llm) {
        for (LlmProvider p : providers) if (p.serves(llm)) return p;
        return null;
    }

    /** One line for the start-up log, without keys. */
    public String describe() {
        if (providers.isEmpty()) {
            return "no LLM provider configured: every agent uses the built-in rule model (scripted replies, not an AI)";
        }
        StringBuilder b = new StringBuilder("LLM providers:");
        for (LlmProvider p : providers) b.append(' ').append(p);
        return b.append("; cascade timeout ").append(cascadeTimeoutSeconds).append(" s").toString();
    }
}
