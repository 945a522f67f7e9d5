package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GetTestSuiteInvocationResponseModel}: the invocation and its runs in the order they were asked for. */
public record InvocationView(String id, String agentId, long createdAt, List<Run> testRuns) {

    /** {@code UnitTestRunResponseModel}; {@code agent_responses} and {@code condition_result} are null while pending. */
    public record Run(String testRunId, String testInvocationId, String agentId, String status, JsonNode agentResponses,
                      String testId, String testName, JsonNode conditionResult, long lastUpdatedAtUnix) {}
}
