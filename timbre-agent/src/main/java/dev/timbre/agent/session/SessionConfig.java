package dev.timbre.agent.session;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One conversation's settings, built by the server from the agent and the client's initiation data.
 *
 * @param agent the starting agent
 * @param dynamicVariables the client's variables (string, number, boolean); {@code system__} ones are added by the session
 * @param llmExtraBody {@code custom_llm_extra_body}, merged into every LLM request (JSON-like values)
 * @param maxDuration the call ends with {@code max_duration_exceeded} after this; null for no limit
 * @param idleTimeout the call ends after this long without user messages or activity; null for never
 * @param textOnly true for chat mode (no audio)
 * @param timezone for {@code system__time}; null means UTC
 * @param callerId {@code system__caller_id}, null when unknown (non-phone calls)
 * @param calledNumber {@code system__called_number}, null when unknown
 * @param maxToolRounds LLM calls with tool results per user turn (at least 1)
 * @param callSid {@code system__call_sid}: the Twilio call SID of a Twilio phone call, else null
 */
public record SessionConfig(String conversationId, AgentProfile agent, Map<String, Object> dynamicVariables,
                            Map<String, Object> llmExtraBody, Duration maxDuration, Duration idleTimeout, boolean textOnly,
                            ZoneId timezone, String callerId, String calledNumber, int maxToolRounds,
                            String callSid) {
    public static final int DEFAULT_TOOL_ROUNDS = 5;

    public SessionConfig {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(agent, "agent");
        dynamicVariables = dynamicVariables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dynamicVariables));
        llmExtraBody = llmExtraBody == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(llmExtraBody));
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        maxToolRounds = Math.max(1, maxToolRounds);
    }

    /** A conversation that is not a Twilio call (no call SID). */
    public SessionConfig(String conversationId, AgentProfile agent, Map<String, Object> dynamicVariables,
                         Map<String, Object> llmExtraBody, Duration maxDuration, Duration idleTimeout, boolean textOnly,
                         ZoneId timezone, String callerId, String calledNumber, int maxToolRounds) {
        this(conversationId, agent, dynamicVariables, llmExtraBody, maxDuration, idleTimeout, textOnly, timezone, callerId,
                calledNumber, maxToolRounds, null);
    }

    /** A text conversation with defaults: no limits, no variables, UTC. */
    public static SessionConfig of(String conversationId, AgentProfile agent) {
        return new SessionConfig(conversationId, agent, Map.of(), Map.of(), null, null, true, null, null, null, DEFAULT_TOOL_ROUNDS);
    }

    public SessionConfig withMaxDuration(Duration d) {
        return new SessionConfig(conversationId, agent, dynamicVariables, llmExtraBody, d, idleTimeout, textOnly, timezone, callerId, calledNumber, maxToolRounds, callSid);
    }

    public SessionConfig withIdleTimeout(Duration d) {
        return new SessionConfig(conversationId, agent, dynamicVariables, llmExtraBody, maxDuration, d, textOnly, timezone, callerId, calledNumber, maxToolRounds, callSid);
    }

    public SessionConfig withDynamicVariables(Map<String, Object> vars) {
        return new SessionConfig(conversationId, agent, vars, llmExtraBody, maxDuration, idleTimeout, textOnly, timezone, callerId, calledNumber, maxToolRounds, callSid);
    }

    /**
     * A phone call's ids: {@code system__caller_id} (the caller's number), {@code system__called_number} and, on
     * Twilio, {@code system__call_sid}; null for unknown.
     */
    public SessionConfig withPhoneCall(String callerId, String calledNumber, String callSid) {
        return new SessionConfig(conversationId, agent, dynamicVariables, llmExtraBody, maxDuration, idleTimeout, textOnly, timezone, callerId, calledNumber, maxToolRounds, callSid);
    }
}
