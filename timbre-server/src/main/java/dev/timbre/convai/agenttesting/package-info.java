/**
 * Agent tests ({@code /v1/convai/agent-testing}, {@code /v1/convai/agents/{id}/run-tests},
 * {@code /v1/convai/test-invocations}; E39–E47).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.agenttesting.AgentTestingRoutes} / {@link dev.timbre.convai.agenttesting.AgentTestsService}:
 *       tests (response tests: chat history, success condition, examples; tool tests: {@code tool_call_parameters}),
 *       checked by {@code UnitTestChecks} and stored as JSON in {@code agent_tests} (V23). Listed newest first.</li>
 *   <li>{@link dev.timbre.convai.agenttesting.TestInvocationsRoutes} / {@link dev.timbre.convai.agenttesting.TestInvocationsService}:
 *       an invocation stores one pending run per test ({@code agent_test_invocations}, {@code agent_test_runs}) and
 *       schedules each as a durable job (kind {@code agent-test-run} of {@code dev.timbre.jobs}; 429
 *       {@code too_many_test_runs} past 200 pending runs in the cluster, nothing stored); each run is then passed or failed with a {@code condition_result} (result, rationale messages and a
 *       summary naming the rule or judge that decided) and the agent's messages. Resubmit re-runs finished runs.</li>
 *   <li>{@link dev.timbre.convai.agenttesting.AgentTesting}: the wiring, the worker pool's size and time limits.</li>
 * </ul>
 *
 * <p>Crash safety: a run is a row before it is scheduled; its job is claimed by one node and taken over by another
 * when that node dies; each attempt is counted in the row ({@code attempts}, V34) first, so a run interrupted three
 * times fails saying so, and a run no longer pending is left alone. {@code resumePending()} at start-up only schedules
 * pending runs that have no job. Resubmitting a pending run is 409 {@code test_run_in_progress}. Deleting a test keeps
 * the runs that used it; a pending one then fails.
 */
package dev.timbre.convai.agenttesting;
