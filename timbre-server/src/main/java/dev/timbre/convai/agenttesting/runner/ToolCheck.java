package dev.timbre.convai.agenttesting.runner;

import java.util.List;

/**
 * A tool test's expectation ({@code tool_call_parameters}): the agent's turn calls {@code toolName} and each parameter
 * passes its check.
 *
 * @param toolName the referenced tool's name as the agent calls it (a workspace tool's name, or a system tool's)
 */
public record ToolCheck(String toolName, List<ParameterCheck> parameters) {
    public ToolCheck {
        parameters = List.copyOf(parameters);
    }

    /**
     * One {@code UnitTestToolCallParameter}.
     *
     * @param path where the value is in the call's arguments: dot-separated keys, numbers index arrays
     * @param kind {@code exact}, {@code regex} or {@code llm}
     * @param expected the exact value, the pattern, or the LLM's description of a good value
     */
    public record ParameterCheck(String path, String kind, String expected) {}
}
