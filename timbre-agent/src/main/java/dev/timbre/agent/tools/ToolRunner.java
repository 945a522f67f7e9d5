package dev.timbre.agent.tools;

import java.util.Map;

/**
 * Runs webhook tools for a session; implemented by the server. Blocking: the session calls it off its event loop.
 * Thread-safe. Should not throw (a failure is an {@code isError} result); a throw is taken as an error result.
 */
public interface ToolRunner {
    /** For sessions with no webhook support: every call is an error result. */
    ToolRunner NONE = (tool, args, vars) -> new Result("webhook tools are not configured", true, null, 0);

    /**
     * @param tool the webhook tool (its {@link AgentTool#config()} is the server's)
     * @param argumentsJson the LLM's arguments with dynamic variables substituted, a JSON object text
     * @param dynamicVariables the conversation's variables at call time, {@code system__} ones included
     */
    Result run(AgentTool tool, String argumentsJson, Map<String, Object> dynamicVariables);

    /**
     * @param value what the LLM reads (a response body or an error text)
     * @param details the transcript's {@code tool_details} (JSON-like values), or null
     * @param latencySecs wall time of the call
     * @param assignments dynamic variables the tool's {@code assignments} took from its response (name → string,
     *        number or boolean), for the session to merge into the conversation's variables; empty for none
     */
    record Result(String value, boolean isError, Map<String, Object> details, double latencySecs, Map<String, Object> assignments) {
        public Result {
            value = value == null ? "" : value;
            assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
        }

        /** A result that assigns no variables. */
        public Result(String value, boolean isError, Map<String, Object> details, double latencySecs) {
            this(value, isError, details, latencySecs, null);
        }
    }
}
