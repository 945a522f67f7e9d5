package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row of {@code agent_test_runs}: one test in one invocation.
 *
 * @param status {@code pending}, {@code passed} or {@code failed}
 * @param agentConfigOverride the run's {@code agent_config_override}, or null
 * @param agentResponses the agent's messages (a JSON array), null while pending
 * @param conditionResult {@code TestConditionResultCommonModel}, null while pending
 */
record StoredRun(String testRunId, String invocationId, int position, String testId, String agentId, String status,
                 JsonNode agentConfigOverride, JsonNode agentResponses, JsonNode conditionResult, long lastUpdatedAtUnix) {
    static final String PENDING = "pending";
    static final String PASSED = "passed";
    static final String FAILED = "failed";
}
