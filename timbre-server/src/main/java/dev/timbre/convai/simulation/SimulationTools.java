package dev.timbre.convai.simulation;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import java.util.Map;

/**
 * Tools in a simulation never run: webhook and client tools answer with their {@code tool_mock_config} entry (by tool
 * name), else the seed's default, {@code "Tool Called."}. System tools (end_call, language_detection, …) are the
 * session's own and run for real. Immutable; thread-safe.
 */
final class SimulationTools implements ToolRunner {
    private final Map<String, SimulationRequest.ToolMock> mocks;

    SimulationTools(Map<String, SimulationRequest.ToolMock> mocks) {
        this.mocks = Map.copyOf(mocks);
    }

    SimulationRequest.ToolMock mockOf(String toolName) {
        return mocks.getOrDefault(toolName, SimulationRequest.ToolMock.DEFAULT);
    }

    @Override
    public Result run(AgentTool tool, String argumentsJson, Map<String, Object> dynamicVariables) {
        SimulationRequest.ToolMock mock = mockOf(tool.name());
        return new Result(mock.returnValue(), mock.isError(), null, 0);
    }
}
