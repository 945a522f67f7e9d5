package dev.timbre.agent.transcript;

/**
 * A dynamic variable a tool's {@code assignments} changed: the seed's {@code DynamicVariableUpdateCommonModel}.
 *
 * @param oldValue the value before, as text; null when the variable was not set
 * @param newValue the value after, as text
 * @param updatedAt when, in Unix seconds
 * @param toolRequestId the tool call's id
 */
public record DynamicVariableUpdate(String variableName, String oldValue, String newValue, double updatedAt, String toolName,
                                    String toolRequestId) {
}
