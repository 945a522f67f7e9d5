package dev.timbre.convai.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;
import java.util.Map;

/**
 * A checked simulate-conversation body ({@code Body_Simulates_a_conversation…}).
 *
 * @param simulatedUser {@code simulation_specification.simulated_user_config}: an agent config for the simulated
 *        user ({@code prompt.prompt}, {@code prompt.llm}, {@code first_message}, {@code language}, …)
 * @param toolMocks {@code tool_mock_config} by tool name
 * @param history {@code partial_conversation_history}: the simulation continues from it
 * @param dynamicVariables the agent's dynamic variables (string, number, boolean or null values)
 * @param extraCriteria {@code extra_evaluation_criteria}, judged along with the agent's own
 * @param newTurnsLimit most messages (either side) the simulation adds before it stops
 */
public record SimulationRequest(ObjectNode simulatedUser, Map<String, ToolMock> toolMocks, List<TranscriptEntry> history,
                                Map<String, Object> dynamicVariables, List<Criterion> extraCriteria, int newTurnsLimit) {
    /** The seed's default {@code new_turns_limit}. */
    public static final int DEFAULT_TURNS_LIMIT = 10000;

    public SimulationRequest {
        toolMocks = Map.copyOf(toolMocks);
        history = List.copyOf(history);
        dynamicVariables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dynamicVariables));
        extraCriteria = List.copyOf(extraCriteria);
    }

    /** {@code ToolMockConfig}: what a mocked tool returns. The seed's defaults are {@code "Tool Called."}, not an error. */
    public record ToolMock(String returnValue, boolean isError) {
        public static final ToolMock DEFAULT = new ToolMock("Tool Called.", false);
    }

    /** {@code PromptEvaluationCriteria}: a yes/no goal judged on the transcript. */
    public record Criterion(String id, String name, String conversationGoalPrompt) {}
}
