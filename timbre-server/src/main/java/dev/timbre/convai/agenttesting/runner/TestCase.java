package dev.timbre.convai.agenttesting.runner;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;
import java.util.Map;

/**
 * One agent test as the runner sees it (already checked and resolved by its owner).
 *
 * @param chatHistory the conversation so far; its last entry is the user message the agent must answer
 * @param successCondition what a good response achieves (plain language, or {@code /regex/})
 * @param successExamples responses that count as successes; {@code failureExamples} those that count as failures
 * @param toolCheck the tool call the agent's turn must make, or null for a response test
 * @param dynamicVariables the agent's dynamic variables for this test
 */
public record TestCase(List<TranscriptEntry> chatHistory, String successCondition, List<String> successExamples,
                       List<String> failureExamples, ToolCheck toolCheck, Map<String, Object> dynamicVariables) {
    public TestCase {
        chatHistory = List.copyOf(chatHistory);
        successCondition = successCondition == null ? "" : successCondition;
        successExamples = List.copyOf(successExamples);
        failureExamples = List.copyOf(failureExamples);
        dynamicVariables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dynamicVariables));
    }
}
