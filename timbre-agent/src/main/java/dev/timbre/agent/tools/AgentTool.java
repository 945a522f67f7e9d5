package dev.timbre.agent.tools;

import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A tool an agent offers its LLM.
 *
 * @param spec what the LLM sees (name, description, JSON Schema parameters)
 * @param kind where it runs
 * @param systemType for {@link ToolKind#SYSTEM}: {@code end_call}, {@code language_detection}, {@code transfer_to_agent},
 *        {@code skip_turn}, {@code transfer_to_number}, {@code play_keypad_touch_tone}, {@code voicemail_detection};
 *        null for other kinds
 * @param expectsResponse client tools: wait for {@code client_tool_result} (else the call is fire-and-forget)
 * @param responseTimeout how long a client or webhook tool may take before its result is a timeout error
 * @param params system tool {@code params} as JSON-like values (e.g. {@code transfers} of transfer_to_agent); empty for none
 * @param config the server's own description of the tool (e.g. its JSON config), opaque here and handed back to
 *        {@link ToolRunner}; may be null
 */
public record AgentTool(ToolSpec spec, ToolKind kind, String systemType, boolean expectsResponse, Duration responseTimeout,
                        Map<String, Object> params, Object config) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public AgentTool {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kind, "kind");
        if (kind == ToolKind.SYSTEM && systemType == null) systemType = spec.name();
        responseTimeout = responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()
                ? DEFAULT_TIMEOUT : responseTimeout;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public String name() { return spec.name(); }

    public static AgentTool system(ToolSpec spec, String systemType, Map<String, Object> params) {
        return new AgentTool(spec, ToolKind.SYSTEM, systemType, true, DEFAULT_TIMEOUT, params, null);
    }

    public static AgentTool client(ToolSpec spec, boolean expectsResponse, Duration timeout) {
        return new AgentTool(spec, ToolKind.CLIENT, null, expectsResponse, timeout, Map.of(), null);
    }

    public static AgentTool webhook(ToolSpec spec, Duration timeout, Object config) {
        return new AgentTool(spec, ToolKind.WEBHOOK, null, true, timeout, Map.of(), config);
    }

    public static AgentTool mcp(ToolSpec spec, Duration timeout, Object config) {
        return new AgentTool(spec, ToolKind.MCP, null, true, timeout, Map.of(), config);
    }
}
