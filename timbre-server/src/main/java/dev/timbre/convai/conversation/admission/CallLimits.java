package dev.timbre.convai.conversation.admission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agent's {@code platform_settings.call_limits}, with the OpenAPI defaults for what is missing.
 *
 * @param agentConcurrencyLimit conversations of this agent at once; -1 (or any value below 0): no limit of its own
 * @param dailyLimit conversations of this agent started per UTC day
 * @param burstingEnabled whether this agent may exceed the server's concurrency limit, up to three times it (at most
 *                        300, as ElevenLabs)
 */
public record CallLimits(int agentConcurrencyLimit, int dailyLimit, boolean burstingEnabled) {
    public static final CallLimits DEFAULTS = new CallLimits(-1, 100_000, true);

    /** Reads {@code platform_settings.call_limits} of an agent's stored configuration. */
    public static CallLimits of(JsonNode agentConfig) {
        JsonNode l = agentConfig.path("platform_settings").path("call_limits");
        return new CallLimits(intOr(l.path("agent_concurrency_limit"), DEFAULTS.agentConcurrencyLimit),
                intOr(l.path("daily_limit"), DEFAULTS.dailyLimit),
                l.path("bursting_enabled").isBoolean() ? l.path("bursting_enabled").asBoolean() : DEFAULTS.burstingEnabled);
    }

    private static int intOr(JsonNode n, int fallback) {
        return n.canConvertToInt() ? n.asInt() : fallback;
    }
}
